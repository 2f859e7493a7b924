namespace Targeting.Rules.Validation;

/// <summary>
/// What is wrong with a body, at a JSON path relative to it (<c>conditions[1].min</c>).
/// <see cref="Unsupported"/> marks a well-formed body that breaks the web/mobile support
/// matrix: the API answers 422 for it, 400 for everything else.
/// </summary>
public sealed record ValidationError(string Path, string Message, bool Unsupported = false);

public static class ValidationErrors
{
    /// <summary>Groups messages by path, in first-seen order, for ProblemDetails' <c>errors</c>.</summary>
    public static IDictionary<string, string[]> ToDictionary(IEnumerable<ValidationError> errors)
    {
        var byPath = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            if (!byPath.TryGetValue(error.Path, out var messages)) byPath[error.Path] = messages = [];
            if (!messages.Contains(error.Message)) messages.Add(error.Message);
        }
        return byPath.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when every error is a support-matrix one (422 rather than 400).</summary>
    public static bool AllUnsupported(IReadOnlyCollection<ValidationError> errors) =>
        errors.Count > 0 && errors.All(e => e.Unsupported);
}
