using System.Diagnostics;
using System.Globalization;
using Targeting.LoadGenerator;

// Gateway throughput and latency (issue 6 item 2). See BENCHMARKS.md section 2.
//   --quick        under a minute: short steps
//   --durable      durable mode (issue 6 item 5, section 5): gateway in memory, gateway on Azurite, bare Azurite upserts
//   --durable --state-limit   how large one session's stored row grows before Azure Table storage refuses it
//   --durable --table-size    Azurite's cost per upsert against the number of rows in the table
//   --serve-noop, --serve-noop-grain   (internal) run a baseline; the generator starts them as child processes
if (args.Contains("--serve-noop"))
{
    NoopServer.Run(args.Where(a => a != "--serve-noop").ToArray());
    return;
}
if (args.Contains("--serve-noop-grain"))
{
    NoopGrainServer.Run(args.Where(a => a != "--serve-noop-grain").ToArray());
    return;
}

if (Array.IndexOf(args, "--drive") is var drive and >= 0)
{
    await Drive.RunAsync(Targets.All.Single(t => t.Name == args[drive + 1]), double.Parse(args[drive + 2], CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(double.Parse(args[drive + 3], CultureInfo.InvariantCulture)));
    return;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var durable = args.Contains("--durable");
var settings = (args.Contains("--quick"), durable) switch
{
    (true, false) => BenchSettings.Quick,
    (false, false) => BenchSettings.Full,
    (true, true) => BenchSettings.DurableQuick,
    (false, true) => BenchSettings.DurableFull,
};
// The quick run cannot wait the 30-60 s the tiered JIT takes here to re-compile the gateway's hot
// code (it would be measured as the cost of requests): its servers JIT fully optimized code at once.
if (!settings.TieredJit) ChildServer.CommonEnvironment["DOTNET_TieredCompilation"] = "0";
var clock = Stopwatch.StartNew();
var figures = new Figures();

figures.Add("mode", settings.Name);
figures.Add("machine cores", Environment.ProcessorCount);
figures.Add("machine memory GiB", Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1));
figures.Add("runtime", Environment.Version);
figures.Add("server JIT", settings.TieredJit ? "tiered (runtime default), measured after tier-up quiets" : "TieredCompilation=0 (optimized from the first call)");
figures.Add("visitors", settings.Visitors);
figures.Add("events per request (mean)", Math.Round(Visitors.EventsPerRequest, 2));
figures.Add("load average before", LoadAverage());

if (durable && args.Contains("--table-size"))
{
    await TableSizeProbe.RunAsync(figures);
    figures.Add("load average after", LoadAverage());
    return;
}
if (durable && args.Contains("--state-limit"))
{
    await StateLimitProbe.RunAsync(figures);
    return;
}
if (durable)
{
    figures.Add("durable", "true");
    var measured = await DurableRun.RunAsync(settings, figures);
    figures.Add("load average after", LoadAverage());
    figures.Add("elapsed s", Math.Round(clock.Elapsed.TotalSeconds, 1));
    figures.Add($"ratio {DurableRun.Azure}/{DurableRun.Upsert}", Math.Round(measured[DurableRun.Azure] / measured[DurableRun.Upsert], 3));
    figures.Add($"ratio {DurableRun.Azure}/{DurableRun.Memory}", Math.Round(measured[DurableRun.Azure] / measured[DurableRun.Memory], 3));
    return;
}

var results = new Dictionary<string, double>();
foreach (var target in Targets.All)
{
    var (max, half) = await Measure(target);
    results[target.Name] = max;
    results[target.Name + " p99"] = half.P99Ms;
}

figures.Add("load average after", LoadAverage());
figures.Add("elapsed s", Math.Round(clock.Elapsed.TotalSeconds, 1));
foreach (var baseline in Targets.All.Skip(1))
    figures.Add($"ratio gateway/{baseline.Name}", Math.Round(results["gateway"] / results[baseline.Name], 3));
figures.Add("ratio gateway p99 at half max / 10 ms target", Math.Round(results["gateway p99"] / 10, 2));

async Task<(double Max, StepResult Half)> Measure(Target target)
{
    await using var server = await target.Start();
    using var http = Targets.Client(server.BaseAddress);
    await target.Prepare(http);
    var run = new OpenModelRun(http, new Visitors(settings.Visitors));
    return await Measurement.MeasureAsync(new Subject(target.Name, run, () => server.CpuTime) { JitCpu = () => server.JitCpuTime }, settings, figures);
}

static string LoadAverage() => Measurement.LoadAverage();

public sealed record BenchSettings(string Name, int Visitors, double WarmUpRate, TimeSpan WarmUp, double FirstRate, double LastRate,
    double Growth, TimeSpan Step, TimeSpan Measure)
{
    /// <summary>Warm-up ends once the tiered JIT used less than this share of a core in a warm-up round, or at <see cref="MaxWarmUp"/>.</summary>
    public double JitQuiet { get; init; } = 0.03;

    /// <summary>The runtime's default tiered JIT in the servers (full run), or optimized code from the first call (quick run).</summary>
    public bool TieredJit { get; init; } = true;
    public TimeSpan MaxWarmUp { get; init; } = TimeSpan.FromSeconds(60);

    public static readonly BenchSettings Quick = new("quick", 100, 200, TimeSpan.FromSeconds(2.5), 450, 100_000, 1.8,
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5))
    { TieredJit = false };

    // Durable mode starts lower: the gateway on Azurite sustains a fraction of the in-memory rate, and a
    // warm-up at 200 req/s buried it in session activations (each reads its row, then writes it). The
    // warm-up still sends every visitor two requests, so all sessions are started before the steps.
    public static readonly BenchSettings DurableQuick = Quick with
    {
        WarmUpRate = 70,
        WarmUp = TimeSpan.FromSeconds(3),
        FirstRate = 50,
        Step = TimeSpan.FromSeconds(1),
        Measure = TimeSpan.FromSeconds(2),
    };

    // 50 req/s for 40 s: 1,000 session starts at 50 a second (at 100 a second the gateway on Azurite collapsed:
    // each start reads a missing row, then inserts it), then a batch from every visitor.
    public static readonly BenchSettings DurableFull = new("full", 1_000, 50, TimeSpan.FromSeconds(40), 50, 100_000, 1.25,
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    public static readonly BenchSettings Full = new("full", 1_000, 200, TimeSpan.FromSeconds(15), 200, 100_000, 1.25,
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
}

/// <summary>Prints figures as <c>name: value</c> lines as they come.</summary>
public sealed class Figures
{
    public void Add(string name, object value) => Console.WriteLine($"{name}: {value}");
}
