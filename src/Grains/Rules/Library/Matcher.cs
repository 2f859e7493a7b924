namespace Targeting.Rules.Library;

/// <summary>Recognises a page or app section: a url/title test with an operator, or a section name.</summary>
public sealed record Matcher(MatcherKind? Kind, MatchOperator? Operator, string? Value)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsWebOnly => Kind is MatcherKind.Url or MatcherKind.Title;
}
