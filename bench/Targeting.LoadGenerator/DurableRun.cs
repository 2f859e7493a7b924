using System.Diagnostics;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Targeting.LoadGenerator;

/// <summary>
/// Durable mode (issue 6 item 5): the gateway with in-memory storage, the same gateway with Azure
/// Table storage on Azurite, and a bare loop upserting one session-sized row per request into the
/// same Azurite, all driven by the same open-model schedule and visitors. See BENCHMARKS.md section 5.
/// </summary>
public static class DurableRun
{
    public const string Memory = "gateway-memory", Azure = "gateway-azure", Upsert = "azurite-upsert";

    public static async Task<Dictionary<string, double>> RunAsync(BenchSettings settings, Figures figures)
    {
        var results = new Dictionary<string, double>();
        // Azurite starts while the first gateway does (neither is measured yet), which saves quick mode a few seconds.
        var starting = Stopwatch.StartNew();
        var azuriteStarted = AzuriteServer.StartAsync();
        var memoryStarted = (Targets.Gateway with { Name = Memory }).Start();
        await Task.WhenAll(azuriteStarted, memoryStarted);
        await using var azurite = azuriteStarted.Result;
        figures.Add("azurite", $"{AzuriteVersion()} table service, --inMemoryPersistence, one node process, started by the generator");

        // (a) The gateway as in section 2: in-memory grain storage (still serialized to JSON on every write).
        {
            await using var server = memoryStarted.Result;
            Console.WriteLine($"# {Memory} and azurite up after {starting.Elapsed.TotalSeconds:F1} s");
            using var http = Targets.Client(server.BaseAddress);
            await Seeder.SeedAsync(http, Targets.OperatorKey);
            var run = new OpenModelRun(http, new Visitors(settings.Visitors));
            var subject = new Subject(Memory, run, () => server.CpuTime) { JitCpu = () => server.JitCpuTime };
            await IdleAsync(subject, settings, figures);
            // In memory the gateway sustains a few times the durable rate: its steps start higher too (fewer steps, quick stays quick).
            results[Memory] = (await Measurement.MeasureAsync(subject, settings with { FirstRate = settings.FirstRate * 3 }, figures)).Max;
        }

        // (b) The same gateway storing grain state (and cluster membership) in Azurite; Azurite's CPU counts as the server's.
        TableEntity template;
        {
            var target = Targets.GatewayOnAzure(Azure, azurite.ConnectionString);
            starting.Restart();
            await using var server = await target.Start();
            Console.WriteLine($"# {Azure} healthy after {starting.Elapsed.TotalSeconds:F1} s");
            using var http = Targets.Client(server.BaseAddress);
            await target.Prepare(http);
            var run = new OpenModelRun(http, new Visitors(settings.Visitors));
            var subject = new Subject(Azure, run, () => server.CpuTime + azurite.CpuTime, () => azurite.CpuTime) { JitCpu = () => server.JitCpuTime };
            await IdleAsync(subject, settings, figures);
            results[Azure] = (await Measurement.MeasureAsync(subject, settings, figures)).Max;
            template = await SessionRows.ReadTemplateAsync(azurite.ConnectionString, figures);
        }

        // (c) Azurite's ceiling here: one upsert of a median session row per request, keyed per visitor session.
        {
            var table = new TableClient(azurite.ConnectionString, "BenchSessions", ClientOptions());
            await table.CreateIfNotExistsAsync();
            var run = new OpenModelRun(UpsertSender(table, template), new Visitors(settings.Visitors));
            var subject = new Subject(Upsert, run, () => azurite.CpuTime, () => azurite.CpuTime, Decides: false);
            await IdleAsync(subject, settings, figures);
            // Azurite alone sustains a few times the gateway's rate: its steps start higher (fewer steps, quick mode stays quick).
            results[Upsert] = (await Measurement.MeasureAsync(subject, settings with { FirstRate = settings.FirstRate * 3 }, figures)).Max;
        }
        return results;
    }

    /// <summary>
    /// The serving side's CPU before any load (seeded, no backlog): the silo's timers, cluster membership
    /// (in Azurite for gateway-azure), the dashboard's collectors. At the low rates of this mode it is
    /// a visible part of the server CPU per event.
    /// </summary>
    private static async Task IdleAsync(Subject subject, BenchSettings settings, Figures figures)
    {
        var from = subject.ServerCpu();
        var wall = Stopwatch.StartNew();
        await Task.Delay(settings.Name == "quick" ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(2));
        figures.Add($"{subject.Name} cpu server cores idle before load", Math.Round((subject.ServerCpu() - from) / wall.Elapsed, 2));
    }

    /// <summary>
    /// A session start upserts a new session's row, a batch of events upserts its session's row, once,
    /// as the gateway writes once per batch before answering. No retries: a failure counts as an error.
    /// </summary>
    private static OpenModelRun.Sender UpsertSender(TableClient table, TableEntity template) => async (request, sessionId) =>
    {
        var started = request.Body is null ? Guid.NewGuid().ToString("N") : null;
        if ((started ?? sessionId) is not { } key) return new OpenModelRun.Reply(false, 0, null);
        using var response = await table.UpsertEntityAsync(SessionRows.Like(template, $"bench_session_bench_{key}"), TableUpdateMode.Replace);
        return new OpenModelRun.Reply(!response.IsError, 0, started);
    };

    // Same connection cap and timeout as the generator's HttpClient for the gateway.
    private static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions
        {
            Transport = new HttpClientTransport(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = 256,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            }),
        };
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    private static string AzuriteVersion()
    {
        var manifest = Path.Combine(Testing.RepoPaths.Root, "tools", "azurite", "node_modules", "azurite", "package.json");
        return File.Exists(manifest)
            ? "azurite " + System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("version").GetString()
            : "azurite";
    }
}
