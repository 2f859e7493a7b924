using Targeting.Rules.Library;

namespace Targeting.Rules.Evaluation;

/// <summary>All engagements a session is eligible for now, in decision order; <see cref="Revision"/>
/// grows by one each time the list changes.</summary>
public sealed record Decision(string SessionId, long Revision, IReadOnlyList<DecisionEngagement> Engagements);

public sealed record DecisionEngagement(string CampaignId, string EngagementId, EngagementKind Kind, string? Name, int Priority);
