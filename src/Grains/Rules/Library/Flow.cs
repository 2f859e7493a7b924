namespace Targeting.Rules.Library;

/// <summary>An expected browsing path of at least two steps, some of them optional.</summary>
public sealed record Flow : LibraryObject
{
    public IReadOnlyList<FlowStep>? Steps { get; init; }
}

public sealed record FlowStep(Matcher? Matcher, bool? Required);
