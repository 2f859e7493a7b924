using System.Diagnostics;
using System.Globalization;
using Targeting.SessionScale;

// Session scale (issue 6 items 3 and 4). See BENCHMARKS.md sections 3 and 4.
//   --timers   push lateness against dwell thresholds
//   --memory   memory per idle session grain and per idle SSE connection
//   --quick    under a minute per part: fewer sessions (the figures say how many)
//   --case timers-100k   one timer case only
//   --memory-case NAME --count N   (internal) one memory case; the parent starts each as a child process
// Without --timers or --memory, both.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--memory-case"))
{
    await MemoryCase.RunHereAsync(args);
    return;
}
var quick = args.Contains("--quick");
var timers = args.Contains("--timers") || !args.Contains("--memory");
var memory = args.Contains("--memory") || !args.Contains("--timers");
var clock = Stopwatch.StartNew();

Figures.Add("mode", quick ? "quick" : "full");
Figures.Add("machine cores", Machine.Cores);
Figures.Add("machine memory GiB", Machine.MemoryGiB);
Figures.Add("runtime", Environment.Version);
Figures.Add("server gc", System.Runtime.GCSettings.IsServerGC);
Figures.Add("load average before", Machine.LoadAverage());

var ratios = new List<(string Name, double Value)>();
if (timers)
{
    TimerCase[] cases = quick
        ? [new("timers-10k", 10_000, TimeSpan.FromSeconds(10), 10)]
        : [new("timers-10k", 10_000, TimeSpan.FromSeconds(10), 10),
           new("timers-10k-burst", 10_000, TimeSpan.Zero, 10),
           new("timers-100k", 100_000, TimeSpan.FromSeconds(60), 60)];
    // --case NAME runs one case only (e.g. --case timers-100k).
    var only = args.SkipWhile(a => a != "--case").Skip(1).FirstOrDefault();
    foreach (var run in cases.Where(c => only is null || c.Name == only))
    {
        var p99 = await TimerRun.RunAsync(run);
        var floor = TimerRun.Baseline(run);
        ratios.Add(($"ratio {run.Name} push lateness p99/100ms target", Math.Round(p99 / 100, 3)));
        ratios.Add(($"ratio {run.Name} push lateness p99/baseline .NET timer p99", Math.Round(p99 / Math.Max(0.1, floor), 1)));
    }
}
if (memory)
{
    // Quick: 2,000 sessions, the five cases the ratios need, 1,000 streams; full: 100,000, the whole split, 10,000 streams.
    var sessions = quick ? 2_000 : 100_000;
    var connections = quick ? 1_000 : 10_000;
    // Each case in its own process, so one case's freed heap does not hide in another's process memory;
    // in quick mode the processes run side by side (memory figures do not depend on timing).
    string[] names = quick ? ["session-in-memory", "session-elsewhere", "noop", "collected-in-memory", "collected-elsewhere"]
        : ["session-in-memory", "session-elsewhere", "noop", "collected-in-memory", "collected-elsewhere", "noop-timer", "noop-stored", "state"];
    var footprints = await MemoryCase.RunAllAsync(names, sessions, parallel: quick);
    var (inMemory, elsewhere, noop, collectedInMemory, collectedElsewhere) = (footprints[0], footprints[1], footprints[2], footprints[3], footprints[4]);
    Figures.Add("in-memory storage's copy, bytes per session", Math.Round(inMemory.ManagedBytes - elsewhere.ManagedBytes));
    if (!quick)
    {
        var (timer, stored, state) = (footprints[5], footprints[6], footprints[7]);
        Figures.Add("a grain timer (which sessions no longer hold), bytes per activation", Math.Round(timer.ManagedBytes - noop.ManagedBytes));
        Figures.Add("persistent state (storage elsewhere), bytes per activation", Math.Round(stored.ManagedBytes - noop.ManagedBytes));
        Figures.Add("session grain beyond a noop activation with persistent state and the session state, bytes",
            Math.Round(elsewhere.ManagedBytes - stored.ManagedBytes - state.ManagedBytes));
    }
    var sse = await SseRun.RunAsync(connections, idle: TimeSpan.FromSeconds(quick ? 3 : 10));
    ratios.Add(("ratio idle session collected managed (storage elsewhere)/2KiB target", Math.Round(collectedElsewhere.ManagedBytes / 2048, 3)));
    ratios.Add(("ratio idle session collected managed (in-memory storage)/2KiB target", Math.Round(collectedInMemory.ManagedBytes / 2048, 3)));
    ratios.Add(("ratio idle session collected process rss (in-memory storage)/2KiB target", Math.Round(collectedInMemory.RssBytes / 2048, 3)));
    ratios.Add(("ratio session grain managed (storage elsewhere)/2KiB target", Math.Round(elsewhere.ManagedBytes / 2048, 3)));
    ratios.Add(("ratio session grain managed (in-memory storage)/2KiB target", Math.Round(inMemory.ManagedBytes / 2048, 3)));
    ratios.Add(("ratio session grain process rss (storage elsewhere)/2KiB target", Math.Round(elsewhere.RssBytes / 2048, 3)));
    ratios.Add(("ratio session grain process rss (in-memory storage)/2KiB target", Math.Round(inMemory.RssBytes / 2048, 3)));
    ratios.Add(("ratio noop grain managed/2KiB target", Math.Round(noop.ManagedBytes / 2048, 3)));
    ratios.Add(("ratio sse connection gateway rss/24KB target", Math.Round(sse / 24_000, 3)));
}

Figures.Add("load average after", Machine.LoadAverage());
Figures.Add("elapsed s", Math.Round(clock.Elapsed.TotalSeconds, 1));
foreach (var (name, value) in ratios) Figures.Add(name, value);
