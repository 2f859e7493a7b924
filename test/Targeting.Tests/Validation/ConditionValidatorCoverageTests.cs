using Targeting.Rules;
using Targeting.Rules.Compilation;
using Targeting.Rules.Conditions;
using Targeting.Rules.Library;
using Targeting.Rules.Validation;
using Targeting.Rules.Validation.Conditions;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

/// <summary>Adding a condition type without its validator must fail here.</summary>
public class ConditionValidatorCoverageTests
{
    public static TheoryData<string> ConditionTypeNames => [.. RulesJson.ConditionTypes.Keys];

    [Theory]
    [MemberData(nameof(ConditionTypeNames))]
    public void Every_condition_type_has_a_validator(string type)
    {
        var validator = ConditionValidators.For(RulesJson.ConditionTypes[type]);
        Assert.True(validator is not null, $"condition type '{type}' has no ConditionValidator<T>: add one file in Rules/Validation/Conditions");
        Assert.Equal(RulesJson.ConditionTypes[type], validator!.ConditionType);
    }

    [Fact]
    public void The_ten_condition_types_of_the_api_are_known() =>
        Assert.Equal(
            ["aboutToAbandon", "cartValue", "engagedInSession", "flow", "productsInCart", "serviceActivity", "timeOnEntryPoint", "viewedProduct", "visitedEntryPoint", "visitorError"],
            RulesJson.ConditionTypes.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Condition_type_without_validator_is_refused_rather_than_accepted()
    {
        var behavior = new Behavior { Id = "b", Name = "b", Conditions = [new AboutToAbandonCondition(), new UncheckedCondition()] };
        HasOnlyError(LibraryValidator.ValidateBehavior(behavior, AccountLibrary.Empty("acme")), "conditions[1].type", "cannot be checked");
    }

    [ConditionType("unchecked")]
    private sealed record UncheckedCondition : Condition
    {
        internal override CompiledCondition Compile(CompileContext context) => throw new NotSupportedException();
    }
}
