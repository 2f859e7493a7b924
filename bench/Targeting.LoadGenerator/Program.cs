using System.Diagnostics;
using System.Globalization;
using Targeting.LoadGenerator;

// Gateway throughput and latency (issue 6 item 2). See BENCHMARKS.md section 2.
//   --quick        under a minute: short steps
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
var settings = args.Contains("--quick") ? BenchSettings.Quick : BenchSettings.Full;
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
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = server.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
    await target.Prepare(http);
    var run = new OpenModelRun(http, new Visitors(settings.Visitors));
    var name = target.Name;

    // Warm-up: connections, every visitor's first session started (steady state: 1 request in 13
    // starts a session), and the JIT's tier-up done: until then the server spends up to half a core
    // re-compiling hot code, which would be measured as the cost of the requests.
    var warmUpClock = Stopwatch.StartNew();
    StepResult warmUp;
    TimeSpan jit;
    do
    {
        var jitBefore = server.JitCpuTime;
        warmUp = await run.RunAsync(settings.WarmUpRate, settings.WarmUp);
        jit = server.JitCpuTime - jitBefore;
        Console.WriteLine($"# {name} warm-up {settings.WarmUpRate:F0} req/s: p50 {warmUp.P50Ms:F2} ms, p99 {warmUp.P99Ms:F2} ms, errors {warmUp.Errors}, " +
            $"tiered JIT {jit.TotalSeconds / settings.WarmUp.TotalSeconds:P0} of a core");
    } while (jit > settings.WarmUp * settings.JitQuiet && warmUpClock.Elapsed < settings.MaxWarmUp);
    figures.Add($"{name} warm-up s", Math.Round(warmUpClock.Elapsed.TotalSeconds, 1));
    StepResult? best = null;
    var failures = 0;
    for (var rate = settings.FirstRate; rate <= settings.LastRate; rate *= settings.Growth)
    {
        var step = await run.RunAsync(rate, settings.Step);
        Console.WriteLine($"# {name} step {rate:F0} req/s: {step.EventsPerSecond:F0} events/s, p50 {step.P50Ms:F2} ms, p99 {step.P99Ms:F2} ms, " +
            $"max {step.MaxMs:F1} ms, errors {step.Errors}, {(step.Sustained ? "sustained" : "NOT sustained")}");
        if (step.Sustained) { best = step; failures = 0; continue; }
        // One failed step may be a neighbour's burst on the shared cores: retry the rate once before stopping.
        if (++failures == 2) break;
        rate /= settings.Growth;
    }
    if (best is null) throw new InvalidOperationException($"{name}: not even {settings.FirstRate} requests/s were sustained.");

    // Server CPU with no new request: background work (silo, timers, hosted services) plus whatever backlog the failed step left.
    var idleFrom = server.CpuTime;
    await Task.Delay(TimeSpan.FromSeconds(1));
    figures.Add($"{name} cpu server cores in 1 s without requests", Math.Round((server.CpuTime - idleFrom).TotalSeconds, 2));

    var halfRate = best.ScheduledRequestsPerSecond / 2;
    var serverCpu = server.CpuTime;
    var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var half = await run.RunAsync(halfRate, settings.Measure);
    var serverSpent = server.CpuTime - serverCpu;
    var generatorSpent = Process.GetCurrentProcess().TotalProcessorTime - generatorCpu;

    figures.Add($"{name} max sustained events/s", Math.Round(best.EventsPerSecond));
    figures.Add($"{name} max sustained requests/s", Math.Round(best.ScheduledRequestsPerSecond));
    figures.Add($"{name} p99 ms at max", Math.Round(best.P99Ms, 2));
    figures.Add($"{name} half-max events/s", Math.Round(half.EventsPerSecond));
    figures.Add($"{name} p50 ms at half max", Math.Round(half.P50Ms, 2));
    figures.Add($"{name} p99 ms at half max", Math.Round(half.P99Ms, 2));
    figures.Add($"{name} p99.9 ms at half max", Math.Round(half.P999Ms, 2));
    figures.Add($"{name} max ms at half max", Math.Round(half.MaxMs, 2));
    figures.Add($"{name} errors at half max", half.Errors);
    figures.Add($"{name} mean decision bytes", Math.Round(half.MeanResponseBytes));
    figures.Add($"{name} cpu server s at half max", Math.Round(serverSpent.TotalSeconds, 2));
    figures.Add($"{name} cpu generator s at half max", Math.Round(generatorSpent.TotalSeconds, 2));
    figures.Add($"{name} cpu cores busy at half max (server+generator)", Math.Round((serverSpent + generatorSpent) / wall.Elapsed, 2));
    figures.Add($"{name} server cpu us per event", Math.Round(serverSpent.TotalMicroseconds / Math.Max(1, half.EventsPerSecond * wall.Elapsed.TotalSeconds), 1));
    figures.Add($"{name} load average", LoadAverage());
    return (best.EventsPerSecond, half);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

public sealed record BenchSettings(string Name, int Visitors, double WarmUpRate, TimeSpan WarmUp, double FirstRate, double LastRate,
    double Growth, TimeSpan Step, TimeSpan Measure)
{
    /// <summary>Warm-up ends once the tiered JIT used less than this share of a core in a warm-up round, or at <see cref="MaxWarmUp"/>.</summary>
    public double JitQuiet { get; init; } = 0.03;

    /// <summary>The runtime's default tiered JIT in the servers (full run), or optimized code from the first call (quick run).</summary>
    public bool TieredJit { get; init; } = true;
    public TimeSpan MaxWarmUp { get; init; } = TimeSpan.FromSeconds(60);

    public static readonly BenchSettings Quick = new("quick", 100, 200, TimeSpan.FromSeconds(3), 250, 100_000, 1.8,
        TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(3))
    { TieredJit = false };

    public static readonly BenchSettings Full = new("full", 1_000, 200, TimeSpan.FromSeconds(15), 200, 100_000, 1.25,
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
}

/// <summary>Prints figures as <c>name: value</c> lines as they come.</summary>
public sealed class Figures
{
    public void Add(string name, object value) => Console.WriteLine($"{name}: {value}");
}
