using Azure.Data.Tables;
using Xunit;

namespace Targeting.Testing;

/// <summary>
/// Azurite's table service (npm azurite, installed in tools/azurite) on 127.0.0.1 on a free port
/// of its own. In memory by default; <c>durable: true</c> keeps tables in a temporary folder so
/// that a graceful <see cref="StopAsync"/> and a later <see cref="StartAsync"/> (same port, same
/// connection string) act as a storage outage that loses nothing.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account and key (public, not a secret).</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90); // node loads slowly on a busy 2-core machine
    private readonly bool durable;
    private readonly string location;
    private ProcessHost? host;

    public AzuriteFixture()
        : this(durable: false)
    {
    }

    public AzuriteFixture(bool durable)
    {
        this.durable = durable;
        Port = FreePorts.Next();
        location = Path.Combine(Path.GetTempPath(), $"targeting-azurite-{Guid.NewGuid():N}");
    }

    public int Port { get; }

    public bool IsRunning => host is { HasExited: false };

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    /// <summary>What Azurite printed so far (for failure messages).</summary>
    public string Output => host?.Output ?? "";

    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) => new(ConnectionString, options);

    public async Task StartAsync()
    {
        if (IsRunning)
            return;
        Directory.CreateDirectory(location);
        var arguments = new List<string>
        {
            "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(),
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        };
        arguments.AddRange(durable ? ["--location", location] : ["--inMemoryPersistence"]);
        if (host is not null)
            await host.DisposeAsync();
        host = ProcessHost.Start("azurite", RepoPaths.AzuriteTable, arguments, workingDirectory: location);
        try
        {
            var current = host;
            await FreePorts.WaitUntilListeningAsync(Port, StartTimeout, () => current.HasExited);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Azurite did not start on port {Port}:\n{host.Output}", e);
        }
    }

    /// <summary>
    /// Graceful stop. Azurite's table service handles SIGINT only (it saves its tables, then
    /// exits); SIGTERM would end it without saving.
    /// </summary>
    public async Task StopAsync()
    {
        if (host is not null)
            await host.StopAsync(TimeSpan.FromSeconds(10), Signals.SigInt);
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (host is not null)
            await host.DisposeAsync();
        try
        {
            Directory.Delete(location, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }
}
