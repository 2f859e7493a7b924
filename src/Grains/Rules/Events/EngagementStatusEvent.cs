using Targeting.Rules.Library;

namespace Targeting.Rules.Events;

/// <summary>How the visitor reacted to an engagement that was shown (or not) to them.</summary>
public sealed record EngagementStatusEvent : VisitorEvent
{
    public string? CampaignId { get; init; }
    public string? EngagementId { get; init; }
    public EngagementStatus? Status { get; init; }

    public override EventKinds Kind => EventKinds.EngagementStatus;
}
