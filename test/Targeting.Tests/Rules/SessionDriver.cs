using Microsoft.Extensions.Time.Testing;
using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;

namespace Targeting.Tests.Rules;

/// <summary>Plays a visitor's journey against the engine with a fake clock, the way a session grain does.</summary>
internal sealed class SessionDriver
{
    public SessionDriver(AccountLibrary library, Source source = Source.Web)
    {
        RuleSet = RuleSetCompiler.Compile(library);
        State = SessionEngine.Start("s1", source, Clock.GetUtcNow());
        SessionEngine.Decide(State, RuleSet, Clock.GetUtcNow());
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    public RuleSet RuleSet { get; private set; }
    public SessionState State { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public SessionDriver Send(params VisitorEvent[] events)
    {
        foreach (var e in events) SessionEngine.Apply(State, e, RuleSet, Now);
        SessionEngine.Decide(State, RuleSet, Now);
        return this;
    }

    public SessionDriver View(string url, string? title = null) => Send(new PageViewEvent { Url = "https://shop.example" + url, Title = title });

    public SessionDriver ViewSections(params string[] sections) => Send(new PageViewEvent { Sections = sections });

    public SessionDriver Cart(decimal total, string? currency = null, params Product[] products) =>
        Send(new CartUpdateEvent { Total = total, Currency = currency, Products = products });

    public SessionDriver Status(string campaignId, string engagementId, EngagementStatus status) =>
        Send(new EngagementStatusEvent { CampaignId = campaignId, EngagementId = engagementId, Status = status });

    /// <summary>Lets time pass the way a grain does: firing the timer at each deadline on the way.</summary>
    public SessionDriver Wait(TimeSpan span)
    {
        var end = Now + span;
        while (SessionEngine.NextDeadline(State, RuleSet, Now) is { } deadline && deadline <= end)
        {
            Clock.SetUtcNow(deadline);
            SessionEngine.Decide(State, RuleSet, Now);
        }
        Clock.SetUtcNow(end);
        SessionEngine.Decide(State, RuleSet, Now);
        return this;
    }

    public SessionDriver WaitSeconds(double seconds) => Wait(TimeSpan.FromSeconds(seconds));

    public SessionDriver Publish(AccountLibrary library)
    {
        RuleSet = RuleSetCompiler.Compile(library);
        return this;
    }

    public Decision Decision => SessionEngine.CurrentDecision(State);

    public IReadOnlyList<string> Offered => Decision.Engagements.Select(e => e.EngagementId).ToArray();

    public bool Offers(string engagementId) => Offered.Contains(engagementId);

    public EngagementExplanation Explain(string engagementId) =>
        SessionEngine.Explain(State, RuleSet, Now).Engagements.Single(e => e.EngagementId == engagementId);
}
