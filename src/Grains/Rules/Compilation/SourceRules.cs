using System.Numerics;
using Targeting.Rules.Events;

namespace Targeting.Rules.Compilation;

/// <summary>
/// The part of a rule set that targets one source (web or mobile), with the indexes that keep
/// evaluation incremental: from each event kind to the conditions it can change, and from each
/// condition to the engagements that use it.
/// </summary>
internal sealed class SourceRules
{
    public SourceRules(CompiledCondition[] conditions, CompiledEngagement[] engagements)
    {
        Conditions = conditions;
        Engagements = engagements;
        EngagementsByKey = engagements.ToDictionary(e => e.Key, e => e.Index, StringComparer.Ordinal);
        EngagementsByCondition = conditions.Select((_, c) =>
            engagements.Where(e => e.Conditions.Contains(c)).Select(e => e.Index).ToArray()).ToArray();
        FilteredEngagements = engagements.Where(e => e.EntryPoints.Length > 0).Select(e => e.Index).ToArray();
        ConditionsByKind = Enumerable.Range(0, BitOperations.PopCount((uint)EventKinds.All))
            .Select(bit => conditions.Select((c, i) => (c, i))
                .Where(p => ((int)p.c.DependsOn & (1 << bit)) != 0).Select(p => p.i).ToArray())
            .ToArray();
        TimedConditions = ConditionsByKind[BitOperations.Log2((uint)EventKinds.Time)];
    }

    /// <summary>Distinct compiled conditions of the published behaviors this source uses.</summary>
    public CompiledCondition[] Conditions { get; }

    /// <summary>In decision order: priority descending, then campaign id, then engagement id.</summary>
    public CompiledEngagement[] Engagements { get; }

    public IReadOnlyDictionary<string, int> EngagementsByKey { get; }
    public int[][] EngagementsByCondition { get; }

    /// <summary>Engagements restricted to entry points: a page view can change them.</summary>
    public int[] FilteredEngagements { get; }

    /// <summary>Indexed by the bit number of an <see cref="EventKinds"/> flag.</summary>
    public int[][] ConditionsByKind { get; }

    public int[] TimedConditions { get; }
}
