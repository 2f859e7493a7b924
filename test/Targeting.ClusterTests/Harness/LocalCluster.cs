namespace Targeting.ClusterTests.Harness;

/// <summary>
/// A real cluster on loopback: Azurite, silo processes (src/Silo) and gateway processes
/// (src/Gateway as a pure Orleans client), configured the way scripts/cluster.sh does, with
/// fast failure detection so a killed silo is declared dead within seconds.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly Dictionary<int, ProcessHost> silos = [];
    private readonly Dictionary<int, (ProcessHost Host, Uri Address)> gateways = [];
    private readonly string logs;

    private LocalCluster(AzuriteFixture azurite, string name)
    {
        Azurite = azurite;
        ClusterId = $"{name}-{Guid.NewGuid():N}"[..30];
        logs = Path.Combine(RepoPaths.Root, "TestResults", "cluster-logs", ClusterId);
    }

    public AzuriteFixture Azurite { get; }

    public string ClusterId { get; }

    public string OperatorKey { get; } = Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    public IReadOnlyDictionary<int, ProcessHost> Silos => silos;

    public IEnumerable<Uri> Gateways => gateways.Values.Select(g => g.Address);

    public static async Task<LocalCluster> StartAzuriteAsync(string name)
    {
        var azurite = new AzuriteFixture();
        await azurite.StartAsync();
        return new LocalCluster(azurite, name);
    }

    public Uri Gateway(int n) => gateways[n].Address;

    /// <summary>Starts silo N and waits until it accepts clients on its gateway port.</summary>
    public async Task StartSiloAsync(int n)
    {
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        var environment = Common();
        environment["Targeting__Silo__SiloPort"] = siloPort.ToString();
        environment["Targeting__Silo__GatewayPort"] = gatewayPort.ToString();
        // Fast failure detection for the test (defaults declare a dead silo after ~15 s or more).
        environment["Targeting__Cluster__Membership__ProbeTimeout"] = "00:00:01";
        environment["Targeting__Cluster__Membership__NumMissedProbesLimit"] = "1";
        environment["Targeting__Cluster__Membership__NumVotesForDeathDeclaration"] = "1";
        environment["Targeting__Cluster__Membership__TableRefreshTimeout"] = "00:00:02";
        environment["Targeting__Cluster__Membership__IAmAliveTablePublishTimeout"] = "00:00:05";
        var host = ProcessHost.StartDotnet($"silo{n}", RepoPaths.BuiltAssembly("Silo", "Targeting.Silo"), environment,
            Path.Combine(logs, $"silo{n}.log"));
        silos[n] = host;
        try
        {
            await FreePorts.WaitUntilListeningAsync(gatewayPort, TimeSpan.FromSeconds(90), () => host.HasExited);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"silo{n} did not start:\n{host.Output}", e);
        }
    }

    /// <summary>Starts gateway N (an Orleans client of the cluster) and waits until /health answers 200.</summary>
    public async Task StartGatewayAsync(int n)
    {
        var port = FreePorts.Next();
        var environment = Common();
        environment["Targeting__Cluster__Embedded"] = "false";
        // Clients read the silo list from the membership table every minute by default: added silos would go unused.
        environment["Targeting__Cluster__Gateway__GatewayListRefreshPeriod"] = "00:00:02";
        environment["Targeting__OperatorKey"] = OperatorKey;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var host = ProcessHost.StartDotnet($"gateway{n}", RepoPaths.BuiltAssembly("Gateway", "Targeting.Gateway"), environment,
            Path.Combine(logs, $"gateway{n}.log"));
        var address = new Uri($"http://127.0.0.1:{port}");
        gateways[n] = (host, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !host.HasExited)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline || host.HasExited)
                throw new InvalidOperationException($"gateway{n} did not become healthy:\n{host.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Stops gateway N gracefully; it no longer counts among <see cref="Gateways"/>.</summary>
    public async Task StopGatewayAsync(int n)
    {
        await gateways[n].Host.StopAsync(TimeSpan.FromSeconds(30));
        await gateways[n].Host.DisposeAsync();
        gateways.Remove(n);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (host, _) in gateways.Values)
            await host.DisposeAsync();
        foreach (var host in silos.Values)
            await host.DisposeAsync();
        await ((IAsyncLifetime)Azurite).DisposeAsync();
    }

    private Dictionary<string, string?> Common() => new()
    {
        ["Targeting__AzureStorage__ConnectionString"] = Azurite.ConnectionString,
        ["Targeting__Cluster__ClusterId"] = ClusterId,
        ["Targeting__Cluster__ServiceId"] = "targeting",
        // Gateways renew push subscriptions at a third of this: a stream whose session moved re-attaches quickly.
        ["Targeting__Sessions__SubscriptionExpiry"] = "00:00:15",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__LogLevel__Polly"] = "Warning",
    };
}
