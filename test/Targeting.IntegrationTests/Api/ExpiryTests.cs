using System.Net;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

/// <summary>Its own gateway: sessions here end after two idle seconds.</summary>
public sealed class ExpiryTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new(new Dictionary<string, string?> { ["Targeting:Sessions:IdleTimeout"] = "00:00:02" });
    private TargetingClient _api = null!;

    public Task InitializeAsync()
    {
        _api = _factory.Api();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_session_without_events_for_the_idle_timeout_is_404()
    {
        var account = await _api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        await session.SendAsync(Page("/home"));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await session.SendAsync(Page("/still-here")); // activity pushes the end back
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(HttpStatusCode.OK, (await _api.Http.GetAsync(session.Path + "/decision")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3));
        await (await _api.Http.GetAsync(session.Path + "/decision")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await session.PostEventsAsync(Page("/back"))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_expired_session_ends_its_event_stream()
    {
        var account = await _api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        await using var stream = await session.OpenStreamAsync();
        await stream.NextAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<EndOfStreamException>(() => stream.NextAsync(TimeSpan.FromSeconds(10)));
    }
}
