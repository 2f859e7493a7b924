using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Rules;

[Collection(GatewayCollection.Name)]
public sealed class PageAndFlowRules(GatewayFixture fixture) : RuleTestBase(fixture)
{
    [Fact]
    public async Task Rule_01_url_exact_contains_regex_title_and_section_matchers_match_the_page()
    {
        var account = await Api.CreateAccountAsync();
        await account.EntryPointAsync("ep",
            Url("exact", Shop + "/sale"),
            Title("contains", "SECURE"),
            Url("regex", "^https://shop\\.example/(cart|basket)$"),
            Section("Checkout"));
        await account.CampaignAsync("c", Web("e", null, ["ep"]));
        var session = await account.StartSessionAsync();

        Assert.True((await session.SendAsync(Page("/sale/#top"))).Offers("e"), "exact ignores the fragment and one trailing slash");
        Assert.False((await session.SendAsync(Page("/sale/more"))).Offers("e"));
        Assert.True((await session.SendAsync(Page("/x", title: "Secure checkout"))).Offers("e"), "contains is case-insensitive");
        Assert.True((await session.SendAsync(Page("/basket"))).Offers("e"), "regex on the whole url");
        Assert.False((await session.SendAsync(Page("/baskets"))).Offers("e"));
        Assert.True((await session.SendAsync(Page("/y", sections: ["checkout"]))).Offers("e"), "sections case-insensitively");
    }

    [Fact]
    public async Task Rule_02_an_entry_point_stays_visited_and_the_location_is_the_latest_page_view()
    {
        var (account, session) = await TargetAsync(
            a => Task.WhenAll(a.EntryPointAsync("home", Url("contains", "/home")), a.EntryPointAsync("cart", Url("contains", "/cart"))),
            [new { type = "visitedEntryPoint", entryPointIds = new[] { "home" }, mode = "include" }]);
        await account.CampaignAsync("c", Web("e0", "b0", ["cart"]));

        Assert.False((await session.SendAsync(Page("/home"))).Offers("e0"), "not on the cart yet");
        Assert.True((await session.SendAsync(Page("/cart"))).Offers("e0"), "home stays visited");
        Assert.False((await session.SendAsync(Page("/about"))).Offers("e0"), "the location moved on");
    }

    [Fact]
    public async Task Rule_03_a_visitor_enters_a_flow_at_a_later_step_when_every_earlier_step_is_optional()
    {
        var (_, session) = await TargetAsync(
            a => a.FlowAsync("f", Step(Url("contains", "/browse"), required: false), Step(Url("contains", "/cart")), Step(Url("contains", "/pay"))),
            [Abandoned("f")]);
        await session.SendAsync(Page("/cart"));
        Assert.True((await session.SendAsync(Page("/faq"))).Offers("e0"));
    }

    [Fact]
    public async Task Rule_04_advance_skip_optional_reload_and_jumping_over_a_required_step()
    {
        var (account, session) = await TargetAsync(CheckoutFlow, [Abandoned()]);
        Assert.False((await session.SendAsync(Page("/cart"), Page("/checkout"), Page("/checkout"), Page("/confirmation"))).Offers("e0"),
            "advancing, reloading and skipping an optional step are not abandoning");

        var jumper = await account.StartSessionAsync();
        Assert.True((await jumper.SendAsync(Page("/cart"), Page("/confirmation"))).Offers("e0"), "jumping over a required step leaves the flow");
    }

    [Fact]
    public async Task Rule_05_a_completed_flow_triggers_nothing_for_the_rest_of_the_session()
    {
        var (_, session) = await TargetAsync(CheckoutFlow, [Abandoned()], [Backflow()]);
        await session.SendAsync(Page("/cart"), Page("/checkout"), Page("/confirmation"));
        var after = await session.SendAsync(Page("/cart"), Page("/checkout"), Page("/cart"), Page("/home"));
        Assert.Empty(after.Engagements);
    }

    [Fact]
    public async Task Rule_06_abandoned_turns_true_on_leaving_and_false_on_reentering()
    {
        var (_, session) = await TargetAsync(CheckoutFlow, [Abandoned()]);
        Assert.True((await session.SendAsync(Page("/cart"), Page("/home"))).Offers("e0"));
        Assert.False((await session.SendAsync(Page("/cart"))).Offers("e0"));
        Assert.False((await session.SendAsync(Page("/checkout"), Page("/confirmation"), Page("/home"))).Offers("e0"));
    }

    [Fact]
    public async Task Rule_07_backflow_cart_checkout_cart_shows_backflow_engagement_until_completed()
    {
        var (_, session) = await TargetAsync(CheckoutFlow, [Backflow()]);
        Assert.False((await session.SendAsync(Page("/cart"), Page("/checkout"))).Offers("e0"));
        Assert.True((await session.SendAsync(Page("/cart"))).Offers("e0"));
        Assert.True((await session.SendAsync(Page("/checkout"))).Offers("e0"), "stays while in the flow");
        Assert.False((await session.SendAsync(Page("/confirmation"))).Offers("e0"), "completed");
    }

    [Fact]
    public async Task Rule_08_a_page_matching_several_steps_takes_the_furthest_reachable()
    {
        var (_, session) = await TargetAsync(
            a => a.FlowAsync("f", Step(Url("contains", "/shop")), Step(Url("contains", "/shop/checkout")), Step(Url("contains", "/done"))),
            [Backflow("f")]);
        // "/shop/checkout" matches steps 1 and 2: the visitor advances to 2, so "/shop" is a step back.
        Assert.True((await session.SendAsync(Page("/shop"), Page("/shop/checkout"), Page("/shop"))).Offers("e0"));
    }

    [Fact]
    public async Task Rule_09_time_on_an_entry_point_adds_up_over_visits_and_stays_true()
    {
        var (_, session) = await TargetAsync(
            a => a.EntryPointAsync("pdp", Url("contains", "/product")),
            [new { type = "timeOnEntryPoint", entryPointIds = new[] { "pdp" }, seconds = 2 }]);
        await session.SendAsync(Page("/product/1"));
        await Task.Delay(1200);
        Assert.False((await session.SendAsync(Page("/home"))).Offers("e0"), "1.2 s of 2 s");
        await Task.Delay(1000);
        Assert.False((await session.SendAsync(Page("/product/2"))).Offers("e0"), "time off the entry point does not count");
        await Task.Delay(1200);
        Assert.True((await session.CurrentAsync()).Offers("e0"), "2.4 s in two visits");
        Assert.True((await session.SendAsync(Page("/home"))).Offers("e0"), "stays true for the session");
    }
}
