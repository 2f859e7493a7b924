namespace Targeting.ClusterTests;

/// <summary>scripts/cluster.sh, the operator's commands, against a real Azurite on a free port.</summary>
public sealed class ClusterScriptTests : IDisposable
{
    private readonly string state = Path.Combine(Path.GetTempPath(), $"targeting-cluster-{Guid.NewGuid():N}");
    private readonly int azuritePort = FreePorts.Next();

    [Fact]
    public async Task Azurite_start_status_and_stop_manage_one_process_with_a_pid_file()
    {
        var started = await ClusterAsync("azurite", "start");
        Assert.True(started.ExitCode == 0, started.Describe());
        var pid = int.Parse(File.ReadAllText(Path.Combine(state, "azurite.pid")).Trim());

        var status = await ClusterAsync("status");

        Assert.True(status.ExitCode == 0, status.Describe());
        Assert.Contains($"azurite: running, pid {pid}", status.StandardOutput);
        Assert.Contains("cluster 'targeting': 0 active silo(s)", status.StandardOutput); // the table answered
        var again = await ClusterAsync("azurite", "start");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already running", again.StandardError);

        var stopped = await ClusterAsync("azurite", "stop");

        Assert.True(stopped.ExitCode == 0, stopped.Describe());
        Assert.Contains("azurite stopped (SIGINT)", stopped.StandardOutput);
        Assert.False(File.Exists(Path.Combine(state, "azurite.pid")));
        Assert.False(Directory.Exists($"/proc/{pid}"), $"pid {pid} still exists");
    }

    [Theory]
    [InlineData(1, 11111, 30000)]
    [InlineData(3, 11113, 30002)]
    public async Task Silo_N_gets_ports_derived_from_N(int n, int siloPort, int gatewayPort)
    {
        var env = await ClusterAsync("env", "silo", n.ToString());

        Assert.Contains($"Targeting__Silo__SiloPort={siloPort}\n", env.StandardOutput);
        Assert.Contains($"Targeting__Silo__GatewayPort={gatewayPort}\n", env.StandardOutput);
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{azuritePort}/devstoreaccount1;", env.StandardOutput);
    }

    [Fact]
    public async Task Gateway_N_listens_on_loopback_as_an_orleans_client_with_a_generated_operator_key()
    {
        var env = await ClusterAsync("env", "gateway", "2");

        Assert.Contains("ASPNETCORE_URLS=http://127.0.0.1:5081\n", env.StandardOutput);
        Assert.Contains("Targeting__Cluster__Embedded=false\n", env.StandardOutput);
        var key = File.ReadAllText(Path.Combine(state, "operator-key"));
        Assert.True(key.Length >= 32, key);
        Assert.Contains($"Targeting__OperatorKey={key}\n", env.StandardOutput);
        Assert.Equal(env.StandardOutput, (await ClusterAsync("env", "gateway", "2")).StandardOutput); // the key is kept
    }

    [Fact]
    public async Task Unknown_commands_and_bad_numbers_print_the_usage_and_fail()
    {
        var unknown = await ClusterAsync("reboot");
        var badNumber = await ClusterAsync("silo", "stop", "x");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("silo start N", unknown.StandardOutput);
        Assert.NotEqual(0, badNumber.ExitCode);
        Assert.Contains("expected a number", badNumber.StandardError);
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(state, "azurite.pid")))
            ClusterAsync("azurite", "stop").GetAwaiter().GetResult();
        Directory.Delete(state, recursive: true);
    }

    private Task<CommandResult> ClusterAsync(params string[] arguments) =>
        CommandLine.RunAsync(
            Path.Combine(RepoPaths.Root, "scripts", "cluster.sh"), arguments,
            new Dictionary<string, string?>
            {
                ["CLUSTER_STATE"] = state,
                ["AZURITE_PORT"] = azuritePort.ToString(),
                ["TARGETING_OPERATOR_KEY"] = null,
                ["TARGETING_STORAGE"] = null,
            });
}
