using System.Diagnostics;
using System.Net;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

/// <summary>Sessions that end after a few idle seconds, on a gateway of their own.</summary>
public sealed class ExpiryTests(ShortLivedSessions gateway) : IClassFixture<ShortLivedSessions>
{
    private static readonly TimeSpan IdleTimeout = ShortLivedSessions.IdleTimeout;
    private readonly TargetingClient _api = gateway.Api;

    [Fact]
    public async Task A_session_without_events_for_the_idle_timeout_is_404()
    {
        var account = await _api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        var clock = Stopwatch.StartNew();
        await session.SendAsync(Page("/home"));
        Assert.True(await IsStoredAsync(account.Id, session.Id));
        await Task.Delay(IdleTimeout / 2);
        var secondSent = clock.Elapsed;
        await session.SendAsync(Page("/still-here")); // activity pushes the end back
        var secondAcknowledged = clock.Elapsed;

        // Past the first event's end, well before the second's: still there.
        await clock.DelayUntil(secondSent + IdleTimeout / 2 + TimeSpan.FromSeconds(0.5));
        Assert.Equal(HttpStatusCode.OK, (await _api.Http.GetAsync(session.Path + "/decision")).StatusCode);

        await clock.DelayUntil(secondAcknowledged + IdleTimeout + TimeSpan.FromSeconds(3));
        Assert.False(await IsStoredAsync(account.Id, session.Id), "the session's timer deleted its state, with no request");
        await (await _api.Http.GetAsync(session.Path + "/decision")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await session.PostEventsAsync(Page("/back"))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<bool> IsStoredAsync(string accountId, string sessionId) =>
        await gateway.Silo.StoredAsync(accountId, sessionId) is not null;

    [Fact]
    public async Task An_expired_session_ends_its_event_stream()
    {
        var account = await _api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        await using var stream = await session.OpenStreamAsync();
        await stream.NextAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<EndOfStreamException>(() => stream.NextAsync(TimeSpan.FromSeconds(15)));
    }
}
