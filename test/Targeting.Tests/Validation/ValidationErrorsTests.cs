using Targeting.Rules.Validation;

namespace Targeting.Tests.Validation;

public class ValidationErrorsTests
{
    [Fact]
    public void Errors_are_grouped_by_path_for_problem_details()
    {
        var errors = ValidationErrors.ToDictionary([
            new ValidationError("conditions[1].min", "min is required for operator between"),
            new ValidationError("name", "name is required"),
            new ValidationError("conditions[1].min", "min 5 is greater than max 2"),
            new ValidationError("name", "name is required"),
        ]);
        Assert.Equal(["conditions[1].min", "name"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["min is required for operator between", "min 5 is greater than max 2"], errors["conditions[1].min"]);
        Assert.Equal(["name is required"], errors["name"]);
    }

    [Fact]
    public void Only_support_matrix_errors_make_an_unsupported_answer()
    {
        Assert.False(ValidationErrors.AllUnsupported([]));
        Assert.True(ValidationErrors.AllUnsupported([new ValidationError("a", "m", Unsupported: true)]));
        Assert.False(ValidationErrors.AllUnsupported([new ValidationError("a", "m", Unsupported: true), new ValidationError("b", "m")]));
    }
}
