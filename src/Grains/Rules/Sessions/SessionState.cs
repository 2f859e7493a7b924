using System.Text.Json.Serialization;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Library;

namespace Targeting.Rules.Sessions;

/// <summary>
/// Everything one visitor session remembers, small and serializable (System.Text.Json, with
/// <see cref="RulesJson.Options"/>). Collections are populated in place on deserialization so
/// their case-insensitive comparers survive a round trip. The engine mutates it in place: a
/// caller that must undo a batch reloads what it stored, or keeps a copy (<see cref="Clone"/>).
/// </summary>
public sealed class SessionState
{
    public string SessionId { get; set; } = "";
    public Source Source { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The latest page view: the visitor's current location (rule 2).</summary>
    public CurrentPage? Page { get; set; }

    /// <summary>Dwell accrued per entry point id before the current page, in milliseconds (rule 9).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, long> DwellMs { get; } = new(StringComparer.Ordinal);

    /// <summary>Entry points matched by any page view of the session (rule 2).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public HashSet<string> VisitedEntryPoints { get; } = new(StringComparer.Ordinal);

    /// <summary>Progress through each flow the visitor has touched, by flow id (rules 3–8).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, FlowProgress> Flows { get; } = new(StringComparer.Ordinal);

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public CartState Cart { get; } = new();
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public ViewedProducts Viewed { get; } = new();

    /// <summary>How often each error message occurred (rule 16).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, int> ErrorsByMessage { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often each error code occurred (rule 16).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, int> ErrorsByCode { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The latest status reported per service topic (rule 18).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, ServiceStatus> ServiceTopics { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Statuses each engagement reached, keyed "campaignId/engagementId" (rule 17).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, EngagementStatuses> Engagements { get; } = new(StringComparer.Ordinal);

    /// <summary>Set by exit intent, cleared by the next page view (rule 12).</summary>
    public bool AboutToAbandon { get; set; }

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public RecentEventIds RecentEventIds { get; } = new();

    /// <summary>The decision last computed: what was pushed, and its revision.</summary>
    public long Revision { get; set; }
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<DecisionEngagement> Offered { get; } = [];

    /// <summary>The rule set version the session last evaluated with.</summary>
    public long RuleSetVersion { get; set; }

    /// <summary>Derived, per rule set version; rebuilt after a load or a rule change.</summary>
    [JsonIgnore]
    internal EvaluationCache? Cache { get; set; }

    public SessionState Clone() =>
        System.Text.Json.JsonSerializer.Deserialize<SessionState>(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this, RulesJson.Options), RulesJson.Options)!;
}

/// <summary>The latest page view, updated in place so that a page view allocates nothing.</summary>
public sealed class CurrentPage
{
    public string? Url { get; set; }
    public string? Title { get; set; }
    public IReadOnlyList<string> Sections { get; set; } = [];

    /// <summary>When the visitor arrived on it: dwell accrues from here.</summary>
    public DateTimeOffset Since { get; set; }
}

/// <summary>Where a visitor stands in one flow. A record struct: its generated Equals compares
/// without boxing (ValueType.Equals boxed and reflected, 424 B per page view per unentered flow).</summary>
public record struct FlowProgress
{
    /// <summary>The flow version this progress was made against; a changed flow starts over.</summary>
    public int FlowVersion { get; set; }

    /// <summary>Index of the current step while in the flow, else -1.</summary>
    public int Step { get; set; }

    /// <summary>The step the visitor was on when they last left the flow, else -1.</summary>
    public int LeftAt { get; set; }
    public bool Completed { get; set; }
    public bool Abandoned { get; set; }
    public bool Backflow { get; set; }
}

[Flags]
public enum EngagementStatuses
{
    None = 0,
    Exposed = 1,
    Declined = 2,
    Clicked = 4,
    Interacted = 8,
}
