using Targeting.Rules.Evaluation;
using Targeting.Rules.Library;

namespace Targeting.Rules.Compilation;

/// <summary>A published engagement with its behavior's conditions and its entry points resolved to indexes.</summary>
internal sealed class CompiledEngagement
{
    public required int Index { get; init; }
    public required string CampaignId { get; init; }
    public required string EngagementId { get; init; }
    public required string Key { get; init; }
    public required string? Name { get; init; }
    public required EngagementKind Kind { get; init; }
    public required int Priority { get; init; }

    /// <summary>Null for "All behaviors".</summary>
    public required string? BehaviorId { get; init; }
    public required BehaviorMatch Match { get; init; }

    /// <summary>Indexes into <see cref="SourceRules.Conditions"/>.</summary>
    public required int[] Conditions { get; init; }

    /// <summary>Indexes of the entry points it is restricted to; empty means anywhere.</summary>
    public required int[] EntryPoints { get; init; }

    /// <summary>How it appears in a decision; built once (a benign race at most builds an equal twin) so that offering it allocates nothing.</summary>
    public DecisionEngagement Decision => _decision ??= new(CampaignId, EngagementId, Kind, Name, Priority);

    private DecisionEngagement? _decision;

    public static string KeyOf(string campaignId, string engagementId) => campaignId + "/" + engagementId;
}
