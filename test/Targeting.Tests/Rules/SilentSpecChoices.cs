using Targeting.Rules.Conditions;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

/// <summary>The choices docs/rules.md records where the spec is silent.</summary>
public class SilentSpecChoices
{
    [Fact]
    public void Entering_a_flow_at_its_last_required_step_completes_it()
    {
        var session = new SessionDriver(new TestLibrary()
            .Flow("f", (Url("/promo"), false), (Url("/signup"), true))
            .Behavior("b", new FlowCondition("f", FlowTrigger.Abandoned))
            .Engage("e", "b")
            .Build()).View("/signup").View("/home");
        Assert.True(session.State.Flows["f"].Completed);
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Declined_implies_no_other_status()
    {
        var session = new SessionDriver(new TestLibrary()
            .Behavior("b", new EngagedInSessionCondition([EngagementStatus.Exposed]))
            .Engage("e", "b").Engage("other", null)
            .Build()).Status("c-other", "other", EngagementStatus.Declined);
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Viewed_products_are_bounded_per_kind()
    {
        var viewed = new ViewedProducts();
        for (var i = 0; i < ViewedProducts.Capacity + 50; i++)
            viewed.Add(new Product($"n{i}", $"s{i}", $"c{i}", i));
        Assert.Equal(ViewedProducts.Capacity, viewed.Names.Count);
        Assert.Equal(ViewedProducts.Capacity, viewed.Prices.Count);
        Assert.Contains("n0", viewed.Names);
    }

    [Fact]
    public void Error_messages_codes_and_service_topics_are_bounded_and_known_ones_keep_counting()
    {
        var library = new TestLibrary()
            .Behavior("first", new VisitorErrorCondition("m0", 2))
            .Behavior("late", new VisitorErrorCondition($"m{SessionState.KeyedCapacity}", 1))
            .Engage("first", "first").Engage("late", "late")
            .Build();
        var session = new SessionDriver(library);
        for (var i = 0; i <= SessionState.KeyedCapacity; i++)
            session.Send(new VisitorErrorEvent { Message = $"m{i}", Code = $"c{i}" }, new ServiceActivityEvent { Topic = $"t{i}", Status = ServiceStatus.InProgress });
        session.Send(new VisitorErrorEvent { Message = "m0" });

        Assert.Equal(SessionState.KeyedCapacity, session.State.ErrorsByMessage.Count);
        Assert.Equal(SessionState.KeyedCapacity, session.State.ErrorsByCode.Count);
        Assert.Equal(SessionState.KeyedCapacity, session.State.ServiceTopics.Count);
        Assert.True(session.Offers("first"));
        Assert.False(session.Offers("late"));
    }

    [Fact]
    public void Recent_event_ids_forget_the_oldest_first()
    {
        var ids = new RecentEventIds();
        for (var i = 0; i <= RecentEventIds.Capacity; i++) ids.Add($"e{i}");
        Assert.False(ids.Contains("e0"));
        Assert.True(ids.Contains("e1"));
        Assert.True(ids.Contains($"e{RecentEventIds.Capacity}"));
        Assert.Equal(RecentEventIds.Capacity, ids.Ids.Count);
    }

    [Fact]
    public void Recent_event_ids_survive_a_round_trip_in_order()
    {
        var state = new SessionState();
        for (var i = 0; i < 5; i++) state.RecentEventIds.Add($"e{i}");
        var copy = state.Clone();
        Assert.Equal(["e0", "e1", "e2", "e3", "e4"], copy.RecentEventIds.Ids);
        Assert.True(copy.RecentEventIds.Contains("e3"));
    }

    [Fact]
    public void A_retry_of_an_applied_event_changes_nothing()
    {
        var session = new SessionDriver(new TestLibrary()
            .Behavior("b", new VisitorErrorCondition(Message: "oops", Instance: 2))
            .Engage("e", "b").Build());
        var error = new VisitorErrorEvent { Id = "err-1", Message = "oops" };
        session.Send(error).Send(error);
        Assert.False(session.Offers("e"));
        Assert.Equal(1, session.State.ErrorsByMessage["oops"]);
    }
}
