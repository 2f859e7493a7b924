using Targeting.Rules.Conditions;
using Targeting.Rules.Evaluation;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

public class TimeOnEntryPointRules
{
    private static SessionDriver Dwell(int seconds, params string[] entryPoints) => new(new TestLibrary()
        .EntryPoint("pdp", Url("/product/"))
        .EntryPoint("cart", Url("/cart"))
        .Behavior("b", new TimeOnEntryPointCondition(entryPoints, seconds))
        .Engage("e", "b")
        .Build());

    [Fact]
    public void Rule_09_time_accrues_while_on_the_entry_point_and_adds_up_over_the_session()
    {
        var session = Dwell(30, "pdp").View("/product/1").WaitSeconds(20).View("/home").WaitSeconds(100);
        Assert.False(session.Offers("e"));
        session.View("/product/2").WaitSeconds(9);
        Assert.False(session.Offers("e"));
        session.WaitSeconds(1);
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_09_every_listed_entry_point_must_reach_the_threshold()
    {
        var session = Dwell(10, "pdp", "cart").View("/product/1").WaitSeconds(15);
        Assert.False(session.Offers("e"));
        session.View("/cart").WaitSeconds(10);
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_09_once_reached_the_condition_stays_true_for_the_session()
    {
        var session = Dwell(5, "pdp").View("/product/1").WaitSeconds(5).View("/home").WaitSeconds(600);
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_10_the_next_deadline_is_the_moment_the_threshold_passes()
    {
        var session = Dwell(30, "pdp").View("/product/1").WaitSeconds(12);
        Assert.Equal(session.Now.AddSeconds(18), SessionEngine.NextDeadline(session.State, session.RuleSet, session.Now));

        session.View("/home");
        Assert.Null(SessionEngine.NextDeadline(session.State, session.RuleSet, session.Now)); // nothing accrues off the entry point

        session.View("/product/2").WaitSeconds(18);
        Assert.True(session.Offers("e"));
        Assert.Null(SessionEngine.NextDeadline(session.State, session.RuleSet, session.Now));
    }

    [Fact]
    public void Rule_10_a_timer_firing_at_the_deadline_changes_the_decision_with_no_event()
    {
        var session = Dwell(20, "pdp").View("/product/1");
        var revision = session.Decision.Revision;
        var deadline = SessionEngine.NextDeadline(session.State, session.RuleSet, session.Now)!.Value;

        session.Clock.SetUtcNow(deadline);
        Assert.True(SessionEngine.Decide(session.State, session.RuleSet, session.Now));
        Assert.Equal(["e"], session.Offered);
        Assert.Equal(revision + 1, session.Decision.Revision);
    }

    [Fact]
    public void Rule_10_a_timer_that_fires_a_hair_early_is_armed_again_not_forgotten()
    {
        var session = Dwell(1, "pdp").View("/product/1");
        var deadline = SessionEngine.NextDeadline(session.State, session.RuleSet, session.Now)!.Value;

        session.Clock.SetUtcNow(deadline - TimeSpan.FromTicks(1)); // the grain timer fires early
        Assert.False(SessionEngine.Decide(session.State, session.RuleSet, session.Now));
        session.Clock.SetUtcNow(deadline + TimeSpan.FromTicks(1)); // and re-arms a moment later
        var next = SessionEngine.NextDeadline(session.State, session.RuleSet, session.Now);

        Assert.Equal(session.Now, next);
        Assert.True(SessionEngine.Decide(session.State, session.RuleSet, session.Now));
        Assert.Equal(["e"], session.Offered);
    }

    [Fact]
    public void Rule_10_no_deadline_for_a_threshold_that_cannot_pass_by_waiting()
    {
        var session = Dwell(10, "pdp", "cart").View("/product/1");
        Assert.Null(SessionEngine.NextDeadline(session.State, session.RuleSet, session.Now)); // cart is not the current page
    }
}
