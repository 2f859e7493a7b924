using Targeting.Rules.Conditions;
using Targeting.Rules.Library;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

public class FlowRules
{
    private static SessionDriver Checkout(FlowTrigger trigger) => new(new TestLibrary()
        .Flow("checkout", "/cart", "/checkout", "/confirmation")
        .Behavior("b", new FlowCondition("checkout", trigger))
        .Engage("e", "b")
        .Build());

    private static SessionDriver WithFlow(FlowTrigger trigger, params (Matcher, bool)[] steps) => new(new TestLibrary()
        .Flow("f", steps)
        .Behavior("b", new FlowCondition("f", trigger))
        .Engage("e", "b")
        .Build());

    [Fact]
    public void Backflow_is_true_after_cart_checkout_cart()
    {
        var session = Checkout(FlowTrigger.Backflow).View("/cart").View("/checkout");
        Assert.False(session.Offers("e"));
        session.View("/cart");
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Completed_flow_page_1_2_3_4_then_back_triggers_nothing()
    {
        var backflow = new SessionDriver(new TestLibrary()
            .Flow("f", "/page1", "/page2", "/page3", "/page4")
            .Behavior("back", new FlowCondition("f", FlowTrigger.Backflow))
            .Behavior("left", new FlowCondition("f", FlowTrigger.Abandoned))
            .Engage("back", "back")
            .Engage("left", "left")
            .Build());
        backflow.View("/page1").View("/page2").View("/page3").View("/page4");
        foreach (var url in new[] { "/page3", "/page2", "/elsewhere", "/page1" })
        {
            backflow.View(url);
            Assert.Empty(backflow.Offered);
        }
    }

    [Fact]
    public void Optional_steps_give_several_routes_to_completion()
    {
        var steps = new[] { (Url("/cart"), true), (Url("/gift-wrap"), false), (Url("/checkout"), true), (Url("/confirmation"), true) };
        var direct = WithFlow(FlowTrigger.Abandoned, steps).View("/cart").View("/checkout").View("/confirmation").View("/home");
        var viaGiftWrap = WithFlow(FlowTrigger.Abandoned, steps).View("/cart").View("/gift-wrap").View("/checkout").View("/confirmation").View("/home");
        Assert.Empty(direct.Offered);
        Assert.Empty(viaGiftWrap.Offered);
        Assert.True(direct.State.Flows["f"].Completed);
        Assert.True(viaGiftWrap.State.Flows["f"].Completed);
    }

    [Fact]
    public void Rule_03_a_flow_is_entered_at_s1_or_a_later_step_when_every_step_before_it_is_optional()
    {
        var steps = new[] { (Url("/promo"), false), (Url("/cart"), true), (Url("/checkout"), true) };
        var atCart = WithFlow(FlowTrigger.Abandoned, steps).View("/cart").View("/home");
        Assert.True(atCart.Offers("e"));

        var atCheckout = WithFlow(FlowTrigger.Abandoned, steps).View("/checkout").View("/home");
        Assert.False(atCheckout.Offers("e")); // /checkout cannot start the flow: /cart before it is required
        Assert.False(atCheckout.State.Flows.ContainsKey("f"));
    }

    [Fact]
    public void Rule_04_advancing_over_optional_steps_reloading_and_leaving()
    {
        var steps = new[] { (Url("/a"), true), (Url("/b"), false), (Url("/c"), false), (Url("/d"), true), (Url("/e"), true) };
        var session = WithFlow(FlowTrigger.Abandoned, steps).View("/a").View("/d");
        Assert.Equal(3, session.State.Flows["f"].Step); // skipped two optional steps
        session.View("/d");
        Assert.Equal(3, session.State.Flows["f"].Step); // a reload changes nothing
        Assert.False(session.Offers("e"));
        session.View("/nowhere");
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_04_jumping_forward_over_a_required_step_abandons_the_flow()
    {
        var session = Checkout(FlowTrigger.Abandoned).View("/cart").View("/confirmation");
        Assert.True(session.Offers("e"));
        Assert.False(session.State.Flows["checkout"].Completed);
    }

    [Fact]
    public void Rule_05_reaching_the_last_required_step_in_order_completes_the_flow()
    {
        var steps = new[] { (Url("/cart"), true), (Url("/checkout"), true), (Url("/survey"), false) };
        var session = WithFlow(FlowTrigger.Abandoned, steps).View("/cart").View("/checkout");
        Assert.True(session.State.Flows["f"].Completed);
        session.View("/elsewhere").View("/cart").View("/elsewhere");
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_06_abandoned_turns_false_on_reentry_and_stays_false_after_completion()
    {
        var session = Checkout(FlowTrigger.Abandoned).View("/cart").View("/checkout").View("/blog");
        Assert.True(session.Offers("e"));
        session.View("/blog/2");
        Assert.True(session.Offers("e"));
        session.View("/cart");
        Assert.False(session.Offers("e"));
        session.View("/checkout").View("/confirmation").View("/blog");
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_06_abandoned_needs_the_flow_to_have_been_entered()
    {
        var session = Checkout(FlowTrigger.Abandoned).View("/home").View("/blog");
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_07_backflow_stays_while_in_the_flow_and_ends_on_completion_or_abandonment()
    {
        var session = Checkout(FlowTrigger.Backflow).View("/cart").View("/checkout").View("/cart");
        Assert.True(session.Offers("e"));
        session.View("/checkout");
        Assert.True(session.Offers("e")); // still in the flow
        session.View("/confirmation");
        Assert.False(session.Offers("e"));

        var leaving = Checkout(FlowTrigger.Backflow).View("/cart").View("/checkout").View("/cart").View("/blog");
        Assert.False(leaving.Offers("e"));
    }

    [Fact]
    public void Rule_08_when_a_page_matches_several_steps_the_furthest_reachable_wins()
    {
        var steps = new[] { (Url("/shop"), true), (Url("/shop/cart"), false), (Url("/shop/cart/checkout"), true), (Url("/done"), true) };
        var session = WithFlow(FlowTrigger.Abandoned, steps).View("/shop").View("/shop/cart/checkout");
        Assert.Equal(2, session.State.Flows["f"].Step);
    }

    [Fact]
    public void Rule_08_a_reload_of_a_step_that_also_matches_an_earlier_step_is_not_backflow()
    {
        var steps = new[] { (Url("/shop"), true), (Url("/shop/cart"), true), (Url("/done"), true) };
        var session = WithFlow(FlowTrigger.Backflow, steps).View("/shop").View("/shop/cart").View("/shop/cart");
        Assert.False(session.Offers("e"));
        Assert.Equal(1, session.State.Flows["f"].Step);
    }

    [Fact]
    public void Mobile_flows_work_on_sections()
    {
        var session = new SessionDriver(new TestLibrary()
            .Flow("f", (Section("cart"), true), (Section("checkout"), true), (Section("done"), true))
            .Behavior("b", new FlowCondition("f", FlowTrigger.Backflow))
            .Engage("e", "b", Source.Mobile)
            .Build(), Source.Mobile);
        session.ViewSections("cart").ViewSections("checkout").ViewSections("cart");
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void A_changed_flow_starts_over()
    {
        var library = new TestLibrary()
            .Flow("checkout", "/cart", "/checkout", "/confirmation")
            .Behavior("b", new FlowCondition("checkout", FlowTrigger.Abandoned))
            .Engage("e", "b");
        var session = new SessionDriver(library.Build()).View("/cart").View("/blog");
        Assert.True(session.Offers("e"));
        session.Publish(library.Flow("checkout", 2, (Url("/basket"), true), (Url("/pay"), true)).Build()).View("/blog");
        Assert.False(session.Offers("e"));
    }
}
