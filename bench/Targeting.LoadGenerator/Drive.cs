using System.Diagnostics;

namespace Targeting.LoadGenerator;

/// <summary>
/// <c>--drive TARGET RATE SECONDS</c>: starts a target (gateway, noop-kestrel, noop-grain), prepares it, prints its pid and holds one request
/// rate for a while, so a profiler (dotnet-trace, dotnet-counters) can be attached to a steady load.
/// </summary>
public static class Drive
{
    public static async Task RunAsync(Target target, double requestsPerSecond, TimeSpan duration)
    {
        await using var server = await target.Start();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = server.BaseAddress };
        await target.Prepare(http);
        Console.WriteLine($"{target.Name} pid: {server.ProcessId}");
        var run = new OpenModelRun(http, new Visitors(100));
        var cpu = server.CpuTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var step = await run.RunAsync(requestsPerSecond, TimeSpan.FromSeconds(5));
            var spent = server.CpuTime - cpu;
            cpu = server.CpuTime;
            Console.WriteLine($"# {step.EventsPerSecond:F0} events/s, p50 {step.P50Ms:F2} ms, p99 {step.P99Ms:F2} ms, errors {step.Errors}, " +
                $"server cpu us per event {spent.TotalMicroseconds / Math.Max(1, step.EventsPerSecond * 5):F0}");
        }
        // What the server burns with sessions alive but no request (silo background work, timers).
        cpu = server.CpuTime;
        await Task.Delay(TimeSpan.FromSeconds(10));
        Console.WriteLine($"# idle: server cpu cores {(server.CpuTime - cpu).TotalSeconds / 10:F3}");
    }
}
