using Targeting.Rules.Conditions;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

public class ExplanationTests
{
    private static SessionDriver Rescue() => new(new TestLibrary()
        .EntryPoint("pdp", Url("/product/"))
        .EntryPoint("checkout", Url("/checkout"))
        .Flow("checkout", "/cart", "/checkout", "/confirmation")
        .Behavior("b", new FlowCondition("checkout", FlowTrigger.Abandoned), new CartValueCondition(CartValueOperator.Between, 50, 100), new TimeOnEntryPointCondition(["pdp"], 30))
        .Engage("help", "b", entryPointIds: ["checkout"])
        .Build());

    [Fact]
    public void Explanation_says_which_conditions_hold_and_what_blocks()
    {
        var session = Rescue().Cart(30).View("/cart").View("/checkout").View("/product/1").WaitSeconds(12);
        var help = session.Explain("help");

        Assert.False(help.Eligible);
        Assert.Equal([Blockers.Behavior, Blockers.EntryPoint], help.BlockedBy);
        Assert.Equal(new ConditionExplanation("flow", "true", "left flow 'checkout' at step 2 of 3"), help.Conditions[0]);
        Assert.Equal(new ConditionExplanation("cartValue", "false", "cart total 30 is not in 50..100"), help.Conditions[1]);
        Assert.Equal(new ConditionExplanation("timeOnEntryPoint", "pending", "12 s of 30 s on 'pdp'", 18), help.Conditions[2]);
    }

    [Fact]
    public void Explanation_reports_declined_and_eligible()
    {
        var session = new SessionDriver(new TestLibrary().Engage("a", null).Engage("b", null).Build())
            .Status("c-a", "a", EngagementStatus.Declined);
        var explanation = SessionEngine.Explain(session.State, session.RuleSet, session.Now);
        Assert.Equal([Blockers.Declined], explanation.Engagements.Single(e => e.EngagementId == "a").BlockedBy);
        Assert.True(explanation.Engagements.Single(e => e.EngagementId == "b").Eligible);
        Assert.Equal(session.RuleSet.Version, explanation.RuleSetVersion);
    }

    [Fact]
    public void Explanation_matches_the_decision()
    {
        var session = Rescue().Cart(60).View("/cart").View("/checkout").View("/product/1").WaitSeconds(30).View("/checkout?x");
        var explained = SessionEngine.Explain(session.State, session.RuleSet, session.Now).Engagements.Where(e => e.Eligible).Select(e => e.EngagementId);
        Assert.Equal(session.Offered, explained);
        Assert.Equal(["help"], session.Offered);
    }

    [Fact]
    public void Every_condition_type_explains_itself_in_a_sentence()
    {
        var conditions = new Condition[]
        {
            new FlowCondition("checkout", FlowTrigger.Backflow),
            new TimeOnEntryPointCondition(["pdp"], 30),
            new VisitedEntryPointCondition(["pdp"]),
            new AboutToAbandonCondition(),
            new CartValueCondition(CartValueOperator.Decreased),
            new ProductsInCartCondition(ProductField.Sku, ["x"]),
            new ViewedProductCondition(ProductField.PriceRange, Min: 1, Max: 2),
            new VisitorErrorCondition(Code: "E1"),
            new EngagedInSessionCondition([EngagementStatus.Clicked]),
            new ServiceActivityCondition("loan", ServiceStatus.Pending),
        };
        Assert.Equal(RulesJsonTypes.All.Count, conditions.Select(c => c.Type).Distinct().Count());
        var session = new SessionDriver(new TestLibrary()
            .EntryPoint("pdp", Url("/product/"))
            .Flow("checkout", "/cart", "/checkout")
            .Behavior("b", conditions)
            .Engage("e", "b")
            .Build()).Send(new VisitorErrorEvent { Code = "E1" });
        foreach (var condition in session.Explain("e").Conditions)
            Assert.False(string.IsNullOrWhiteSpace(condition.Detail), condition.Type);
    }
}

internal static class RulesJsonTypes
{
    public static IReadOnlyCollection<string> All => Targeting.Rules.RulesJson.ConditionTypes.Keys.ToArray();
}
