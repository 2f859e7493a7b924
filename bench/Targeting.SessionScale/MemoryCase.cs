using System.Diagnostics;
using System.Globalization;

namespace Targeting.SessionScale;

/// <summary>One memory case in a child process of its own (this same program with <c>--memory-case</c>).</summary>
public static class MemoryCase
{
    private static readonly Dictionary<string, (string Title, Func<string, int, Task<MemoryRun.Footprint>> Run)> Cases = new()
    {
        ["session-in-memory"] = ("session grain, in-memory storage", (t, n) => MemoryRun.SessionsAsync(t, n, StorageKind.InMemory)),
        ["session-elsewhere"] = ("session grain, storage elsewhere", (t, n) => MemoryRun.SessionsAsync(t, n, StorageKind.Elsewhere)),
        ["collected-in-memory"] = ("idle session collected, in-memory storage", (t, n) => MemoryRun.SessionsAsync(t, n, StorageKind.InMemory, collected: true)),
        ["collected-elsewhere"] = ("idle session collected, storage elsewhere", (t, n) => MemoryRun.SessionsAsync(t, n, StorageKind.Elsewhere, collected: true)),
        ["noop"] = ("noop grain", MemoryRun.NoopGrainsAsync<NoopGrain>),
        ["noop-timer"] = ("noop grain with a timer", MemoryRun.NoopGrainsAsync<TimerGrain>),
        ["noop-stored"] = ("noop grain with stored state (storage elsewhere)", MemoryRun.NoopGrainsAsync<StoredGrain>),
        ["state"] = ("session state alone", MemoryRun.SessionStatesAsync),
    };

    public static async Task RunHereAsync(string[] args)
    {
        var name = args.SkipWhile(a => a != "--memory-case").Skip(1).First();
        var count = int.Parse(args.SkipWhile(a => a != "--count").Skip(1).First(), CultureInfo.InvariantCulture);
        var (title, run) = Cases[name];
        await run(title, count);
    }

    /// <summary>
    /// Runs the cases, each in a child process, side by side when <paramref name="parallel"/> (quick mode:
    /// small and short) or one after another (full mode: six silos of 100,000 activations at once would
    /// load the shared machine for everyone); prints their figures in order.
    /// </summary>
    public static async Task<MemoryRun.Footprint[]> RunAllAsync(string[] names, int count, bool parallel)
    {
        var runs = new Task<(string, MemoryRun.Footprint)>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            runs[i] = RunAsync(names[i], count);
            if (!parallel) await runs[i];
        }
        var results = new MemoryRun.Footprint[runs.Length];
        for (var i = 0; i < runs.Length; i++)
        {
            var (output, footprint) = await runs[i];
            Console.Write(output);
            results[i] = footprint;
        }
        return results;
    }

    /// <summary>Runs the case in a child process and reads its footprint back from its figures.</summary>
    private static async Task<(string Output, MemoryRun.Footprint Footprint)> RunAsync(string name, int count)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(MemoryCase).Assembly.Location);
        foreach (var arg in new[] { "--memory-case", name, "--count", count.ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start a memory case");
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"Memory case {name} failed:\n{await errors}");

        var title = Cases[name].Title;
        double Value(string figure) => double.Parse(output.Split('\n')
            .Single(l => l.StartsWith($"{title} {figure}: ", StringComparison.Ordinal)).Split(": ")[1], CultureInfo.InvariantCulture);
        return (output, new MemoryRun.Footprint(Value("managed bytes each"), Value("process rss bytes each"), Value("process rss-anon bytes each")));
    }
}
