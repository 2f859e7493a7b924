namespace Targeting.Rules.Library;

/// <summary>A set of engagements; only published campaigns target anyone, higher priority first.</summary>
public sealed record Campaign : LibraryObject
{
    public CampaignStatus? Status { get; init; }
    public int? Priority { get; init; }
    public IReadOnlyList<Engagement>? Engagements { get; init; }
}

/// <summary>
/// One proactive offer. A null <see cref="BehaviorId"/> is "All behaviors": eligible at once.
/// When <see cref="EntryPointIds"/> is set, it shows only while the current page matches one of them.
/// </summary>
public sealed record Engagement(
    string? Id,
    string? Name,
    Source? Source,
    EngagementKind? Kind,
    string? BehaviorId = null,
    IReadOnlyList<string>? EntryPointIds = null);
