namespace Targeting.Rules.Library;

/// <summary>A location on the site or in the app; it matches a page view when any matcher does.</summary>
public sealed record EntryPoint : LibraryObject
{
    public IReadOnlyList<Matcher>? Matchers { get; init; }
}
