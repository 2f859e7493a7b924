using Targeting.Rules.Conditions;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Library;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

public class DecisionRules
{
    [Fact]
    public void Rule_19_an_engagement_is_eligible_only_when_every_requirement_holds()
    {
        var library = new TestLibrary()
            .EntryPoint("cart", Url("/cart"))
            .Behavior("big-cart", new CartValueCondition(CartValueOperator.Between, 100, 1000))
            .Campaign("draft", 5, CampaignStatus.Draft, new Engagement("drafted", "x", Source.Web, EngagementKind.Overlay))
            .Engage("everywhere", null)
            .Engage("on-cart", null, entryPointIds: ["cart"])
            .Engage("big", "big-cart")
            .Engage("app", null, Source.Mobile);
        var session = new SessionDriver(library.Build());
        Assert.Equal(["everywhere"], session.Offered); // draft campaign, other source, entry point, behavior all keep the rest out

        session.View("/cart").Cart(150);
        Assert.Equal(["big", "everywhere", "on-cart"], session.Offered.Order());

        session.Status("c-big", "big", EngagementStatus.Declined);
        Assert.Equal(["everywhere", "on-cart"], session.Offered.Order());
        session.View("/home").Cart(200).View("/cart");
        Assert.DoesNotContain("big", session.Offered); // declined for the rest of the session
    }

    [Fact]
    public void Rule_19_decision_order_is_priority_then_campaign_then_engagement()
    {
        var library = new TestLibrary()
            .Campaign("b-campaign", 1, new Engagement("z", "z", Source.Web, EngagementKind.Overlay), new Engagement("a", "a", Source.Web, EngagementKind.Overlay))
            .Campaign("a-campaign", 1, new Engagement("m", "m", Source.Web, EngagementKind.ChatButton))
            .Campaign("urgent", 10, new Engagement("u", "u", Source.Web, EngagementKind.StickyButton));
        var decision = new SessionDriver(library.Build()).Decision;
        Assert.Equal(["urgent/u", "a-campaign/m", "b-campaign/a", "b-campaign/z"],
            decision.Engagements.Select(e => $"{e.CampaignId}/{e.EngagementId}"));
        Assert.Equal(10, decision.Engagements[0].Priority);
        Assert.Equal(EngagementKind.StickyButton, decision.Engagements[0].Kind);
    }

    [Fact]
    public void Rule_20_the_revision_grows_only_when_the_list_changes()
    {
        var session = new SessionDriver(new TestLibrary()
            .EntryPoint("cart", Url("/cart"))
            .Engage("on-cart", null, entryPointIds: ["cart"])
            .Build());
        Assert.Equal(0, session.Decision.Revision);
        session.View("/cart");
        Assert.Equal(1, session.Decision.Revision);
        session.View("/cart?again").Cart(5);
        Assert.Equal(1, session.Decision.Revision);
        session.View("/home");
        Assert.Equal(2, session.Decision.Revision);
        Assert.Empty(session.Offered);
    }

    [Fact]
    public void Rule_20_decide_reports_a_change_once()
    {
        var session = new SessionDriver(new TestLibrary().EntryPoint("cart", Url("/cart")).Engage("on-cart", null, entryPointIds: ["cart"]).Build());
        SessionEngine.Apply(session.State, new Targeting.Rules.Events.PageViewEvent { Url = "https://x/cart" }, session.RuleSet, session.Now);
        Assert.True(SessionEngine.Decide(session.State, session.RuleSet, session.Now));
        Assert.False(SessionEngine.Decide(session.State, session.RuleSet, session.Now));
    }

    [Fact]
    public void Rule_21_an_edit_reaches_the_session_at_its_next_evaluation()
    {
        var library = new TestLibrary()
            .Behavior("b", new CartValueCondition(CartValueOperator.Between, 50, 100))
            .Engage("e", "b");
        var session = new SessionDriver(library.Build()).Cart(150);
        Assert.False(session.Offers("e"));

        session.Publish(library.Behavior("b", new CartValueCondition(CartValueOperator.Between, 100, 200)).Build());
        SessionEngine.Decide(session.State, session.RuleSet, session.Now);
        Assert.True(session.Offers("e"));
        Assert.Equal(session.RuleSet.Version, session.State.RuleSetVersion);
    }

    [Fact]
    public void Rule_21_a_session_evaluates_one_version_at_a_time()
    {
        var library = new TestLibrary()
            .EntryPoint("cart", Url("/cart"))
            .Behavior("b", new VisitedEntryPointCondition(["cart"]))
            .Engage("e", "b", entryPointIds: ["cart"]);
        var session = new SessionDriver(library.Build()).View("/cart");
        Assert.True(session.Offers("e"));

        // The new version moves the entry point: both its filter and its condition change together.
        session.Publish(library.EntryPoint("cart", Url("/basket")).Build()).View("/basket");
        Assert.True(session.Offers("e"));
        session.View("/cart");
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Behavior_match_any_needs_one_condition()
    {
        var session = new SessionDriver(new TestLibrary()
            .Behavior("b", BehaviorMatch.Any, new CartValueCondition(CartValueOperator.Between, 100, 200), new AboutToAbandonCondition())
            .Engage("e", "b")
            .Build());
        Assert.False(session.Offers("e"));
        session.Cart(150);
        Assert.True(session.Offers("e"));
    }
}
