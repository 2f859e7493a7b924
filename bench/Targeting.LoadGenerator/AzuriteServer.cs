using System.Diagnostics;
using Targeting.Testing;

namespace Targeting.LoadGenerator;

/// <summary>
/// Azurite's table service started the way the tests' <see cref="AzuriteFixture"/> starts it (the
/// lock-file install in tools/azurite, 127.0.0.1 on a free port, <c>--inMemoryPersistence</c>), but
/// keeping hold of the node process so its CPU time can be counted on the serving side.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private readonly ProcessHost _host;
    private readonly Process _node;

    private AzuriteServer(ProcessHost host, int port)
    {
        _host = host;
        _node = Process.GetProcessById(host.Pid); // the launcher is a node script: its pid is node's
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};" +
            $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.AccountName};";
    }

    public string ConnectionString { get; }

    public TimeSpan CpuTime
    {
        get { _node.Refresh(); return _node.TotalProcessorTime; }
    }

    public static async Task<AzuriteServer> StartAsync()
    {
        var port = FreePorts.Next();
        var host = ProcessHost.Start("azurite", RepoPaths.AzuriteTable,
        [
            "--tableHost", "127.0.0.1", "--tablePort", port.ToString(),
            "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--inMemoryPersistence",
        ], workingDirectory: Path.GetTempPath());
        try
        {
            await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(90), () => host.HasExited);
            return new AzuriteServer(host, port);
        }
        catch (Exception e)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start on port {port}:\n{host.Output}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(5), Signals.SigInt);
        await _host.DisposeAsync();
        _node.Dispose();
    }
}
