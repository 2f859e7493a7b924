using System.Diagnostics;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

/// <summary>
/// An idle session's activation is collected by the silo, yet its next moment still comes: the
/// silo's alarms wake it from storage at its dwell threshold and at its idle expiry. Checked in
/// storage, with no request that could have woken it instead.
/// </summary>
public sealed class CollectedSessionTests(ShortLivedSessions gateway) : IClassFixture<ShortLivedSessions>
{
    private readonly TargetingClient _api = gateway.Api;
    private readonly SiloProbe _silo = gateway.Silo;

    [Fact]
    public async Task A_session_idle_for_its_collection_age_is_collected_by_the_silo()
    {
        var account = await _api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        var clock = Stopwatch.StartNew();
        await session.SendAsync(Page("/home"));
        Assert.True(await _silo.IsActivatedAsync(account.Id, session.Id));

        // Well before its idle end, which would also remove the activation (the expiry alarm deletes and deactivates).
        var deadline = ShortLivedSessions.IdleTimeout - TimeSpan.FromSeconds(1);
        while (await _silo.IsActivatedAsync(account.Id, session.Id))
        {
            Assert.True(clock.Elapsed < deadline, $"still activated {clock.Elapsed.TotalSeconds:F1} s after its last event");
            await Task.Delay(200);
        }
        Assert.NotNull(await _silo.StoredAsync(account.Id, session.Id)); // collected, not ended
    }

    [Fact]
    public async Task A_collected_session_is_woken_at_its_dwell_threshold_and_stores_the_new_decision()
    {
        var account = await _api.CreateAccountAsync();
        await account.DwellOfferAsync(2);
        var session = await account.StartSessionAsync();
        Assert.False((await session.SendAsync(Page("/product/42"))).Offers("offer"));
        await _silo.DeactivateAsync(account.Id, session.Id);

        // The timing of the push is rule 10's test; here: that it happens with no activation and no request.
        Assert.True(await _silo.StoredEventuallyAsync(account.Id, session.Id,
            stored => stored!.Offered.Any(e => e.EngagementId == "offer"), TimeSpan.FromSeconds(10)), "the threshold never passed");
        Assert.True(await _silo.IsActivatedAsync(account.Id, session.Id), "its alarm activated it");
    }

    [Fact]
    public async Task A_collected_session_still_ends_on_time_with_no_request()
    {
        var account = await _api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        var clock = Stopwatch.StartNew(); // the session's last activity is after this
        await session.SendAsync(Page("/home"));
        await _silo.DeactivateAsync(account.Id, session.Id);
        Assert.NotNull(await _silo.StoredAsync(account.Id, session.Id));

        Assert.True(await _silo.StoredEventuallyAsync(account.Id, session.Id, stored => stored is null, ShortLivedSessions.IdleTimeout + TimeSpan.FromSeconds(10)),
            "the collected session was never deleted");
        Assert.InRange(clock.Elapsed, ShortLivedSessions.IdleTimeout, ShortLivedSessions.IdleTimeout + TimeSpan.FromSeconds(5)); // 5 s: the request, then a busy machine
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
