using System.Diagnostics;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Rules;

[Collection(GatewayCollection.Name)]
public sealed class DecisionRules(GatewayFixture fixture) : RuleTestBase(fixture)
{
    [Fact]
    public async Task Rule_19_only_published_campaigns_of_the_sessions_source_and_never_a_declined_engagement()
    {
        var account = await Api.CreateAccountAsync();
        await account.CampaignAsync("live", Web("w", null), Mobile("m", null));
        await account.PutOkAsync("campaigns", "later", new { name = "later", status = "draft", priority = 99, engagements = new[] { Web("d", null) } });

        var web = await account.StartSessionAsync("web");
        Assert.Equal(["w"], (await web.CurrentAsync()).Engagements.Select(e => e.EngagementId));
        Assert.Empty((await web.SendAsync(Engagement("live", "w", "declined"))).Engagements);
        Assert.Empty((await web.SendAsync(Page("/again"))).Engagements);

        var mobile = await account.StartSessionAsync("mobile");
        Assert.Equal(["m"], (await mobile.CurrentAsync()).Engagements.Select(e => e.EngagementId));
    }

    [Fact]
    public async Task Rule_19_decisions_order_by_priority_then_campaign_then_engagement()
    {
        var account = await Api.CreateAccountAsync();
        await account.PutOkAsync("campaigns", "b-low", new { name = "b", status = "published", priority = 1, engagements = new[] { Web("z", null), Web("y", null) } });
        await account.PutOkAsync("campaigns", "a-low", new { name = "a", status = "published", priority = 1, engagements = new[] { Web("x", null) } });
        await account.PutOkAsync("campaigns", "high", new { name = "h", status = "published", priority = 5, engagements = new[] { Web("w", null) } });
        var session = await account.StartSessionAsync();
        var decision = await session.CurrentAsync();
        Assert.Equal(["high/w", "a-low/x", "b-low/y", "b-low/z"], decision.Engagements.Select(e => $"{e.CampaignId}/{e.EngagementId}"));
        Assert.Equal([5, 1, 1, 1], decision.Engagements.Select(e => e.Priority));
    }

    [Fact]
    public async Task Rule_20_the_revision_grows_by_one_only_when_the_list_changes()
    {
        var account = await Api.CreateAccountAsync();
        await account.EntryPointAsync("cart", Url("contains", "/cart"));
        await account.CampaignAsync("c", Web("e", null, ["cart"]));
        var session = await account.StartSessionAsync();
        var start = (await session.CurrentAsync()).Revision;
        Assert.Equal(start, (await session.SendAsync(Page("/home"), Page("/about"))).Revision);
        Assert.Equal(start + 1, (await session.SendAsync(Page("/cart"))).Revision);
        Assert.Equal(start + 1, (await session.SendAsync(Page("/cart/2"))).Revision);
        Assert.Equal(start + 2, (await session.SendAsync(Page("/home"))).Revision);
    }

    [Fact]
    public async Task Rule_21_an_edit_reaches_a_running_session_by_its_next_event()
    {
        var (account, session) = await TargetAsync(Nothing, [new { type = "cartValue", @operator = "between", min = 10, max = 20 }]);
        Assert.True((await session.SendAsync(Cart(15))).Offers("e0"));

        await account.BehaviorAsync("b0", new { type = "cartValue", @operator = "between", min = 50, max = 100 });
        Assert.False((await session.SendAsync(Page("/home"))).Offers("e0"), "the edited behavior applies at once");

        await account.PutOkAsync("campaigns", "c", new { name = "c", status = "draft", priority = 1, engagements = new[] { Web("e0", "b0") } });
        await account.BehaviorAsync("b0", new { type = "cartValue", @operator = "between", min = 10, max = 20 });
        Assert.Empty((await session.SendAsync(Page("/home"))).Engagements);
        var explanation = await session.ExplainAsync(account.AdminKey);
        Assert.Empty(explanation["engagements"]!.AsArray());
    }

    [Fact]
    public async Task Rule_21_an_edit_reaches_a_session_by_its_next_timer()
    {
        var (account, session) = await TargetAsync(
            a => a.EntryPointAsync("pdp", Url("contains", "/product")),
            [new { type = "timeOnEntryPoint", entryPointIds = new[] { "pdp" }, seconds = 4 }]);
        await using var stream = await session.OpenStreamAsync();
        await stream.NextAsync(TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        await session.SendAsync(Page("/product/1")); // arms the session's timer for 4 s from now

        // Before the timer fires, the threshold goes up: the tick evaluates the new version and offers nothing.
        await account.BehaviorAsync("b0", new { type = "timeOnEntryPoint", entryPointIds = new[] { "pdp" }, seconds = 60 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the edit took {clock.Elapsed}: the timer may have fired first");
        await Task.Delay(TimeSpan.FromSeconds(5) - clock.Elapsed);
        Assert.False((await session.CurrentAsync()).Offers("e0"));

        // And down again: the next event applies it, and the stream gets the change.
        await account.BehaviorAsync("b0", new { type = "timeOnEntryPoint", entryPointIds = new[] { "pdp" }, seconds = 1 });
        Assert.True((await session.SendAsync(Cart(1))).Offers("e0"));
        Assert.True((await stream.NextAsync(TimeSpan.FromSeconds(5))).Decision.Offers("e0"));
    }
}
