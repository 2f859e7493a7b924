namespace Targeting.Rules.Validation;

/// <summary>
/// Where in a body a check is looking: <c>at["conditions"][1]["min"]</c> is the path
/// <c>conditions[1].min</c>. Errors reported through it land in one shared list.
/// </summary>
internal readonly struct ValidationScope(List<ValidationError> errors, string path)
{
    public static ValidationScope Root(List<ValidationError> errors) => new(errors, "");

    public string Path => path;

    public ValidationScope this[string field] => new(errors, path.Length == 0 ? field : $"{path}.{field}");

    public ValidationScope this[int index] => new(errors, $"{path}[{index}]");

    public int ErrorCount => errors.Count;

    public void Error(string message) => errors.Add(new ValidationError(path, message));

    public void Unsupported(string message) => errors.Add(new ValidationError(path, message, Unsupported: true));
}
