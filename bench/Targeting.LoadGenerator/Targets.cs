using Targeting.Testing;
namespace Targeting.LoadGenerator;

public sealed record Target(string Name, Func<Task<ChildServer>> Start, Func<HttpClient, Task> Prepare);

/// <summary>The servers measured, one after another in the same run.</summary>
public static class Targets
{
    public const string OperatorKey = "bench-operator-key";

    public static readonly Target Gateway = new("gateway",
        () => ChildServer.StartAsync(GatewayDll(), [], new Dictionary<string, string>
        {
            ["Targeting__OperatorKey"] = OperatorKey,
            ["Targeting__Silo__SiloPort"] = FreePorts.Next().ToString(),
            ["Targeting__Silo__GatewayPort"] = FreePorts.Next().ToString(),
            ["Targeting__Demo__Enabled"] = "false",
        }),
        http => Seeder.SeedAsync(http, OperatorKey));

    public static readonly Target NoopKestrel = new("noop-kestrel",
        () => ChildServer.StartAsync(typeof(NoopServer).Assembly.Location, ["--serve-noop"], new Dictionary<string, string>()),
        _ => Task.CompletedTask);

    public static readonly Target NoopGrain = new("noop-grain",
        () => ChildServer.StartAsync(typeof(NoopServer).Assembly.Location, ["--serve-noop-grain"], new Dictionary<string, string>
        {
            ["Targeting__Silo__SiloPort"] = FreePorts.Next().ToString(),
            ["Targeting__Silo__GatewayPort"] = FreePorts.Next().ToString(),
        }),
        _ => Task.CompletedTask);

    public static readonly IReadOnlyList<Target> All = [Gateway, NoopKestrel, NoopGrain];

    /// <summary>The gateway with its grain state (and cluster membership) in Azure Table storage at <paramref name="connectionString"/>.</summary>
    public static Target GatewayOnAzure(string name, string connectionString) => new(name,
        () => ChildServer.StartAsync(GatewayDll(), [], new Dictionary<string, string>
        {
            ["Targeting__OperatorKey"] = OperatorKey,
            ["Targeting__Silo__SiloPort"] = FreePorts.Next().ToString(),
            ["Targeting__Silo__GatewayPort"] = FreePorts.Next().ToString(),
            ["Targeting__Demo__Enabled"] = "false",
            ["Targeting__AzureStorage__ConnectionString"] = connectionString,
        }),
        http => Seeder.SeedAsync(http, OperatorKey));

    public static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The gateway built in the same configuration as this project (it is a build-only project reference).</summary>
    private static string GatewayDll() => RepoPaths.BuiltAssembly("Gateway", "Targeting.Gateway");
}
