using Targeting.Rules.Validation;

namespace Targeting.Tests.Validation;

internal static class ValidationAssert
{
    /// <summary>Asserts an error at exactly <paramref name="path"/> whose message contains <paramref name="fragment"/>.</summary>
    public static ValidationError HasError(IReadOnlyList<ValidationError> errors, string path, string fragment = "")
    {
        var found = errors.FirstOrDefault(e => e.Path == path && e.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));
        Assert.True(found is not null, $"expected an error at '{path}' containing '{fragment}', got: {Describe(errors)}");
        return found!;
    }

    /// <summary>Asserts errors at <paramref name="path"/> only (none elsewhere), none of them Unsupported.</summary>
    public static ValidationError HasOnlyError(IReadOnlyList<ValidationError> errors, string path, string fragment = "")
    {
        Assert.True(errors.All(e => e.Path == path), $"expected errors at '{path}' only, got: {Describe(errors)}");
        var error = HasError(errors, path, fragment);
        Assert.False(error.Unsupported, $"expected a 400 error, got an Unsupported one: {error.Message}");
        return error;
    }

    public static void IsValid(IReadOnlyList<ValidationError> errors) =>
        Assert.True(errors.Count == 0, $"expected no errors, got: {Describe(errors)}");

    private static string Describe(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0 ? "(none)" : string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}{(e.Unsupported ? " [unsupported]" : "")}"));
}
