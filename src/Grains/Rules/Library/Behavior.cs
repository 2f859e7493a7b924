using Targeting.Rules.Conditions;

namespace Targeting.Rules.Library;

/// <summary>A reusable targeting rule: its conditions, all of which (or any of which) must hold.</summary>
public sealed record Behavior : LibraryObject
{
    public BehaviorMatch? Match { get; init; }
    public IReadOnlyList<Condition>? Conditions { get; init; }
}
