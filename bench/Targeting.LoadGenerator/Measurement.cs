using System.Diagnostics;

namespace Targeting.LoadGenerator;

/// <summary>
/// One target measured the open-model way: warm-up, max sustainable rate by steps, then latency
/// and CPU split at half that rate. <paramref name="ServerCpu"/> is everything on the serving side
/// (the server process, plus Azurite when it stores for it); <paramref name="StorageCpu"/>, when
/// given, is Azurite's share of it, reported on its own too.
/// </summary>
public sealed record Subject(string Name, OpenModelRun Run, Func<TimeSpan> ServerCpu, Func<TimeSpan>? StorageCpu = null, bool Decides = true)
{
    /// <summary>The .NET server's tiered-JIT thread CPU (<see cref="ChildServer.JitCpuTime"/>); none for Azurite alone.</summary>
    public Func<TimeSpan>? JitCpu { get; init; }
}

public static class Measurement
{
    public static async Task<(double Max, StepResult Half)> MeasureAsync(Subject subject, BenchSettings settings, Figures figures)
    {
        var (name, run) = (subject.Name, subject.Run);

        // Warm-up: connections, every visitor's first session started (steady state: 1 request in 13
        // starts a session), and the JIT's tier-up done: until then the server spends up to half a core
        // re-compiling hot code, which would be measured as the cost of the requests.
        var warmUpClock = Stopwatch.StartNew();
        var jitCpu = subject.JitCpu ?? (() => TimeSpan.Zero);
        StepResult warmUp;
        TimeSpan jit;
        do
        {
            var jitBefore = jitCpu();
            warmUp = await run.RunAsync(settings.WarmUpRate, settings.WarmUp);
            jit = jitCpu() - jitBefore;
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
            if (++failures == 2 && best is not null) break;
            rate /= settings.Growth;
            // Not even the first rate, twice: halve it (a loaded machine, or a target slower than expected) down to an eighth.
            if (failures == 2)
            {
                if (rate / 2 < settings.FirstRate / 8) break;
                (rate, failures) = (rate / 2, 0);
            }
        }
        if (best is null) throw new InvalidOperationException($"{name}: not even {settings.FirstRate} requests/s were sustained.");

        // Server CPU with no new request: background work (silo, timers, hosted services) plus whatever backlog the failed step left.
        var idleFrom = subject.ServerCpu();
        await Task.Delay(TimeSpan.FromSeconds(1));
        figures.Add($"{name} cpu server cores in 1 s without requests", Math.Round((subject.ServerCpu() - idleFrom).TotalSeconds, 2));

        var halfRate = best.ScheduledRequestsPerSecond / 2;
        var serverCpu = subject.ServerCpu();
        var storageCpu = subject.StorageCpu?.Invoke() ?? TimeSpan.Zero;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var half = await run.RunAsync(halfRate, settings.Measure);
        var serverSpent = subject.ServerCpu() - serverCpu;
        var storageSpent = (subject.StorageCpu?.Invoke() ?? TimeSpan.Zero) - storageCpu;
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
        if (subject.Decides) figures.Add($"{name} mean decision bytes", Math.Round(half.MeanResponseBytes));
        figures.Add($"{name} cpu server s at half max", Math.Round(serverSpent.TotalSeconds, 2));
        if (subject.StorageCpu is not null)
            figures.Add($"{name} cpu azurite s at half max (part of server)", Math.Round(storageSpent.TotalSeconds, 2));
        figures.Add($"{name} cpu generator s at half max", Math.Round(generatorSpent.TotalSeconds, 2));
        figures.Add($"{name} cpu cores busy at half max (server+generator)", Math.Round((serverSpent + generatorSpent) / wall.Elapsed, 2));
        var eventsMeasured = Math.Max(1, half.EventsPerSecond * wall.Elapsed.TotalSeconds);
        figures.Add($"{name} server cpu us per event", Math.Round(serverSpent.TotalMicroseconds / eventsMeasured, 1));
        if (subject.StorageCpu is not null)
            figures.Add($"{name} azurite cpu us per event", Math.Round(storageSpent.TotalMicroseconds / eventsMeasured, 1));
        figures.Add($"{name} load average", LoadAverage());
        return (best.EventsPerSecond, half);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
