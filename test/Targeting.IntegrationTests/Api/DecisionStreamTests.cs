using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

[Collection(GatewayCollection.Name)]
public sealed class DecisionStreamTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private TargetingClient Api => fixture.Api;

    [Fact]
    public async Task On_connect_the_stream_sends_the_current_decision_with_its_revision_as_id()
    {
        var account = await Api.CreateAccountAsync();
        await account.CampaignAsync("welcome", Web("hello", null));
        var session = await account.StartSessionAsync();
        await using var stream = await session.OpenStreamAsync();

        var first = await stream.NextAsync(Wait);
        Assert.Equal("decision", first.Event);
        Assert.Equal(first.Decision.Revision.ToString(), first.Id);
        Assert.True(first.Decision.Offers("hello"));
        Assert.Equal("no-cache", stream.Response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_changed_decision_is_pushed_once_and_an_unchanged_one_is_not()
    {
        var account = await Api.CreateAccountAsync();
        await account.EntryPointAsync("cart", Url("contains", "/cart"));
        await account.CampaignAsync("cart-help", Web("chat", null, ["cart"]));
        var session = await account.StartSessionAsync();
        await using var stream = await session.OpenStreamAsync();
        var initial = await stream.NextAsync(Wait);

        await session.SendAsync(Page("/cart"));
        await session.SendAsync(Page("/cart?again"));  // still eligible: nothing to push
        await session.SendAsync(Page("/home"));
        var pushed = await stream.NextAsync(Wait);
        Assert.Equal(initial.Decision.Revision + 1, pushed.Decision.Revision);
        Assert.True(pushed.Decision.Offers("chat"));
        var next = await stream.NextAsync(Wait);
        Assert.Equal(initial.Decision.Revision + 2, next.Decision.Revision);
        Assert.False(next.Decision.Offers("chat"));
    }

    [Fact]
    public async Task Rule_10_a_dwell_threshold_is_pushed_within_a_second_with_no_request_in_flight()
    {
        var account = await Api.CreateAccountAsync();
        await account.DwellOfferAsync(2);
        var session = await account.StartSessionAsync();
        await using var stream = await session.OpenStreamAsync();
        await stream.NextAsync(Wait);

        var timing = await DwellTiming.MeasureAsync(() => session.SendAsync(Page("/product/42")), stream);
        Assert.False(timing.Acknowledged.Offers("offer"));
        Assert.True(timing.Pushed.Decision.Offers("offer"));
        timing.AssertPushedWithinASecondOfThreshold(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Keep_alive_comments_flow_while_nothing_changes()
    {
        var account = await Api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        await using var stream = await session.OpenStreamAsync();
        await stream.NextAsync(Wait);
        await stream.WaitForCommentAsync(TimeSpan.FromSeconds(5)); // the test gateway sends one every second
    }
}
