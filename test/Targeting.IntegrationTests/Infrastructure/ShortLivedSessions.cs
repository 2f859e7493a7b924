namespace Targeting.IntegrationTests.Infrastructure;

/// <summary>
/// A gateway of its own (a class fixture) whose sessions end after <see cref="IdleTimeout"/> and whose
/// idle session activations are collected after <see cref="CollectionAge"/>, with the collector looking
/// every second, so both happen within a test.
/// </summary>
public sealed class ShortLivedSessions : IAsyncLifetime
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan CollectionAge = TimeSpan.FromSeconds(2);

    private readonly GatewayFactory _factory = new(new Dictionary<string, string?>
    {
        ["Targeting:Sessions:IdleTimeout"] = IdleTimeout.ToString("c"),
        ["Targeting:Sessions:CollectionAge"] = CollectionAge.ToString("c"),
        ["Targeting:Cluster:Collection:CollectionQuantum"] = "00:00:01",
    });

    public TargetingClient Api { get; private set; } = null!;
    public SiloProbe Silo { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Api = _factory.Api();
        Silo = new SiloProbe(_factory.Services);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
