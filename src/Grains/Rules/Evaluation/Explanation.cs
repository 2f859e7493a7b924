namespace Targeting.Rules.Evaluation;

/// <summary>The answer to "why did (not) this engagement show", for every published engagement of the session's source.</summary>
public sealed record SessionExplanation(string SessionId, long RuleSetVersion, IReadOnlyList<EngagementExplanation> Engagements);

public sealed record EngagementExplanation(
    string CampaignId,
    string EngagementId,
    bool Eligible,
    IReadOnlyList<string> BlockedBy,
    IReadOnlyList<ConditionExplanation> Conditions);

/// <summary><see cref="State"/> is <c>true</c>, <c>false</c> or <c>pending</c> (a timer not yet elapsed).</summary>
public sealed record ConditionExplanation(string Type, string State, string Detail, int? PendingSeconds = null);

public static class Blockers
{
    public const string Behavior = "behavior";
    public const string EntryPoint = "entryPoint";
    public const string Declined = "declined";
}
