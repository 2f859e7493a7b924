using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Tests.Rules;

/// <summary>Builds account libraries for tests in a few readable lines.</summary>
internal sealed class TestLibrary
{
    private readonly List<EntryPoint> _entryPoints = [];
    private readonly List<Flow> _flows = [];
    private readonly List<Behavior> _behaviors = [];
    private readonly List<Campaign> _campaigns = [];
    private long _version = 1;

    public static Matcher Url(string value, MatchOperator op = MatchOperator.Contains) => new(MatcherKind.Url, op, value);
    public static Matcher Title(string value, MatchOperator op = MatchOperator.Contains) => new(MatcherKind.Title, op, value);
    public static Matcher Section(string value) => new(MatcherKind.Section, null, value);

    public TestLibrary EntryPoint(string id, params Matcher[] matchers)
    {
        _entryPoints.RemoveAll(e => e.Id == id);
        _entryPoints.Add(new EntryPoint { Id = id, Name = id, Version = 1, Matchers = matchers });
        return this;
    }

    public TestLibrary Flow(string id, params (Matcher Matcher, bool Required)[] steps) => Flow(id, 1, steps);

    public TestLibrary Flow(string id, int version, params (Matcher Matcher, bool Required)[] steps)
    {
        _flows.RemoveAll(f => f.Id == id);
        _flows.Add(new Flow { Id = id, Name = id, Version = version, Steps = steps.Select(s => new FlowStep(s.Matcher, s.Required)).ToArray() });
        return this;
    }

    /// <summary>A flow of url-contains steps, all required.</summary>
    public TestLibrary Flow(string id, params string[] urls) => Flow(id, urls.Select(u => (Url(u), true)).ToArray());

    public TestLibrary Behavior(string id, params Condition[] conditions) => Behavior(id, BehaviorMatch.All, conditions);

    public TestLibrary Behavior(string id, BehaviorMatch match, params Condition[] conditions)
    {
        _behaviors.RemoveAll(b => b.Id == id);
        _behaviors.Add(new Behavior { Id = id, Name = id, Version = 1, Match = match, Conditions = conditions });
        return this;
    }

    public TestLibrary Campaign(string id, int priority, params Engagement[] engagements) =>
        Campaign(id, priority, CampaignStatus.Published, engagements);

    public TestLibrary Campaign(string id, int priority, CampaignStatus status, params Engagement[] engagements)
    {
        _campaigns.RemoveAll(c => c.Id == id);
        _campaigns.Add(new Campaign { Id = id, Name = id, Version = 1, Status = status, Priority = priority, Engagements = engagements });
        return this;
    }

    /// <summary>A published campaign named after its single engagement.</summary>
    public TestLibrary Engage(string engagementId, string? behaviorId, Source source = Source.Web, EngagementKind kind = EngagementKind.Overlay, string[]? entryPointIds = null, int priority = 0) =>
        Campaign("c-" + engagementId, priority, new Engagement(engagementId, engagementId, source, kind, behaviorId, entryPointIds));

    public AccountLibrary Build() => new("acme", _version++, _entryPoints.ToArray(), _flows.ToArray(), _behaviors.ToArray(), _campaigns.ToArray());
}
