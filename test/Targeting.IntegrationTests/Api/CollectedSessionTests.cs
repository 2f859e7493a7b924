using System.Diagnostics;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

/// <summary>
/// An idle session's activation is collected by the silo, yet its next moment still comes: the
/// silo's alarms wake it from storage at its dwell threshold and at its idle expiry. Checked in
/// storage, with no request that could have woken it instead.
/// </summary>
public sealed class CollectedSessionTests : IAsyncLifetime
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(6);
    private readonly GatewayFactory _factory = new(new Dictionary<string, string?> { ["Targeting:Sessions:IdleTimeout"] = IdleTimeout.ToString("c") });
    private TargetingClient _api = null!;
    private SiloProbe _silo = null!;

    public Task InitializeAsync()
    {
        _api = _factory.Api();
        _silo = new SiloProbe(_factory.Services);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_collected_session_is_woken_at_its_dwell_threshold_and_stores_the_new_decision()
    {
        var account = await _api.CreateAccountAsync();
        await account.EntryPointAsync("pdp", Url("contains", "/product"));
        await account.BehaviorAsync("dwell", new { type = "timeOnEntryPoint", entryPointIds = new[] { "pdp" }, seconds = 2 });
        await account.CampaignAsync("promo", Web("offer", "dwell"));
        var session = await account.StartSessionAsync();
        Assert.False((await session.SendAsync(Page("/product/42"))).Offers("offer"));
        var clock = Stopwatch.StartNew(); // the threshold is at most 2 s from here
        await _silo.DeactivateAsync(account.Id, session.Id);

        await clock.DelayUntil(TimeSpan.FromSeconds(3));
        var stored = await _silo.StoredAsync(account.Id, session.Id);
        Assert.Contains(stored!.Offered, e => e.EngagementId == "offer");
        Assert.True(await _silo.IsActivatedAsync(account.Id, session.Id), "its alarm activated it");
    }

    [Fact]
    public async Task A_collected_session_still_ends_on_time_with_no_request()
    {
        var account = await _api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        await session.SendAsync(Page("/home"));
        var clock = Stopwatch.StartNew();
        await _silo.DeactivateAsync(account.Id, session.Id);
        Assert.NotNull(await _silo.StoredAsync(account.Id, session.Id));

        await clock.DelayUntil(IdleTimeout + TimeSpan.FromSeconds(2));
        Assert.Null(await _silo.StoredAsync(account.Id, session.Id));
    }

    [Fact]
    public async Task A_session_woken_from_storage_answers_as_before_it_was_collected()
    {
        var account = await _api.CreateAccountAsync();
        await account.EntryPointAsync("cart", Url("contains", "/cart"));
        await account.CampaignAsync("cart-help", Web("chat", null, ["cart"]));
        var session = await account.StartSessionAsync();
        var before = await session.SendAsync(Page("/cart"));
        await _silo.DeactivateAsync(account.Id, session.Id);

        var after = await session.CurrentAsync();
        Assert.Equal(before.Revision, after.Revision);
        Assert.True(after.Offers("chat"));
        Assert.True((await session.SendAsync(Page("/cart?again"))).Offers("chat"));
    }
}
