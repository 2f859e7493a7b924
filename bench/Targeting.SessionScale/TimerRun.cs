using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Targeting.Rules.Evaluation;
using Targeting.Sessions;
using Targeting.Telemetry;

namespace Targeting.SessionScale;

/// <summary>
/// Issue 6 item 3: N sessions with armed dwell thresholds; how late each push is against its threshold.
/// </summary>
/// <remarks>
/// All N sessions start first (no timer but the idle expiry). Then each views the dwell page, the
/// page views spread evenly over <see cref="TimerCase.Window"/>, so thresholds fall evenly over that
/// window too; the threshold is at least the window, so every session's timer is armed before the
/// first one is due (if the silo keeps up with the page views: the figures say how many were).
/// One observer object, subscribed to every session (as a gateway's SSE stream subscribes), receives
/// the pushes: lateness = push received - (page view's server time + threshold), the server time
/// taken from the silo's clock (<see cref="PageViewClock"/>), so queueing of the page views
/// themselves is not counted as lateness.
/// </remarks>
public sealed record TimerCase(string Name, int Sessions, TimeSpan Window, int ThresholdSeconds);

public static class TimerRun
{
    public static async Task<double> RunAsync(TimerCase run)
    {
        var cpu0 = Machine.SelfCpu;
        var pageViewClock = new PageViewClock(run.Sessions);
        await using var silo = await SiloHost.StartAsync(StorageKind.InMemory, pageViewClock);
        await silo.SeedDwellAccountAsync(run.ThresholdSeconds);
        var ids = Sessions.NewIds(run.Sessions);
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++) index[ids[i]] = i;

        var clock = Stopwatch.StartNew();
        await Sessions.ForEachAsync(ids, 64, id => Sessions.StartAsync(silo.Grains, id));
        var startSeconds = clock.Elapsed.TotalSeconds;

        var pushedAt = new long[ids.Length];
        var feed = new PushFeed(index, pushedAt);
        var observer = silo.Grains.CreateObjectReference<ISessionObserver>(feed);
        await Sessions.ForEachAsync(ids, 64, async id =>
        {
            if (await Sessions.Grain(silo.Grains, id).Subscribe(observer) is null) throw new InvalidOperationException("Subscribe: no session");
        });

        using var timerLateness = new TimerLatenessListener();
        var setupCpu = Machine.SelfCpu - cpu0;
        var roundTrips = await SendPageViewsAsync(silo, ids, run.Window);
        var sendCpu = Machine.SelfCpu - cpu0 - setupCpu;
        var stamps = Enumerable.Range(0, ids.Length).Select(pageViewClock.StampTicks).ToArray();
        if (stamps.Contains(0)) throw new InvalidOperationException("A page view's server time was not seen.");
        var threshold = TimeSpan.FromSeconds(run.ThresholdSeconds).Ticks;
        var firstDue = stamps.Min() + threshold;
        var armedBeforeFirstDue = stamps.Count(t => t < firstDue);

        var gcPause0 = GC.GetTotalPauseDuration();
        var allocated0 = GC.GetTotalAllocatedBytes();
        int[] gcs0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

        // Wait for every push, or until 10 s after the last threshold.
        var giveUp = stamps.Max() + threshold + TimeSpan.TicksPerSecond * 10;
        while (feed.Received < ids.Length && DateTime.UtcNow.Ticks < giveUp) await Task.Delay(100);
        var fireCpu = Machine.SelfCpu - cpu0 - setupCpu - sendCpu;
        var gcPause = GC.GetTotalPauseDuration() - gcPause0;
        var allocated = GC.GetTotalAllocatedBytes() - allocated0;
        var gcs = $"{GC.CollectionCount(0) - gcs0[0]} / {GC.CollectionCount(1) - gcs0[1]} / {GC.CollectionCount(2) - gcs0[2]}";
        var firingSeconds = (DateTime.UtcNow.Ticks - firstDue) / (double)TimeSpan.TicksPerSecond;

        var lateness = Enumerable.Range(0, ids.Length).Where(i => pushedAt[i] != 0)
            .Select(i => (pushedAt[i] - stamps[i] - threshold) / (double)TimeSpan.TicksPerMillisecond)
            .Order().ToArray();
        var timers = timerLateness.Values();
        // When the late ones were due: clustered in a few seconds (a stall) or spread (a backlog)?
        var lateBySecond = new int[(int)((stamps.Max() - stamps.Min()) / TimeSpan.TicksPerSecond) + 1];
        for (var i = 0; i < ids.Length; i++)
            if (pushedAt[i] != 0 && pushedAt[i] - stamps[i] - threshold > TimeSpan.TicksPerMillisecond * 100)
                lateBySecond[(stamps[i] - stamps.Min()) / TimeSpan.TicksPerSecond]++;
        var n = run.Name;
        Figures.Add($"{n} sessions", ids.Length);
        Figures.Add($"{n} threshold s", run.ThresholdSeconds);
        Figures.Add($"{n} page views spread over s", run.Window.TotalSeconds);
        Figures.Add($"{n} sessions started in s", Math.Round(startSeconds, 1));
        Figures.Add($"{n} page views stamped over s", Math.Round((stamps.Max() - stamps.Min()) / (double)TimeSpan.TicksPerSecond, 1));
        Figures.Add($"{n} page view round trip p50 ms", Math.Round(Figures.Percentile(roundTrips, 50), 2));
        Figures.Add($"{n} page view round trip p99 ms", Math.Round(Figures.Percentile(roundTrips, 99), 2));
        Figures.Add($"{n} timers armed when the first threshold passed", armedBeforeFirstDue);
        Figures.Add($"{n} pushes received", lateness.Length);
        Figures.Add($"{n} pushes missing", ids.Length - lateness.Length);
        Figures.Add($"{n} push lateness p50 ms", Math.Round(Figures.Percentile(lateness, 50), 1));
        Figures.Add($"{n} push lateness p99 ms", Math.Round(Figures.Percentile(lateness, 99), 1));
        Figures.Add($"{n} push lateness max ms", Math.Round(lateness.LastOrDefault(double.NaN), 1));
        Figures.Add($"{n} push lateness min ms", Math.Round(lateness.FirstOrDefault(double.NaN), 1));
        Figures.Add($"{n} pushes over 100 ms late, by second of the window", string.Join(' ', lateBySecond));
        Figures.Add($"{n} session wake-up lateness (silo metric) count", timers.Length);
        // The metric records max(0, late): a firing at or before its due time records 0 (and re-arms if early).
        Figures.Add($"{n} session wake-ups recorded as 0 ms late", timers.Count(v => v == 0));
        Figures.Add($"{n} session wake-up lateness (silo metric) p50 ms", Math.Round(Figures.Percentile(timers, 50), 1));
        Figures.Add($"{n} session wake-up lateness (silo metric) p99 ms", Math.Round(Figures.Percentile(timers, 99), 1));
        Figures.Add($"{n} session wake-up lateness (silo metric) max ms", Math.Round(timers.LastOrDefault(double.NaN), 1));
        Figures.Add($"{n} cpu s setup (start + subscribe)", Math.Round(setupCpu.TotalSeconds, 2));
        Figures.Add($"{n} cpu s sending page views", Math.Round(sendCpu.TotalSeconds, 2));
        Figures.Add($"{n} cpu s while thresholds pass", Math.Round(fireCpu.TotalSeconds, 2));
        Figures.Add($"{n} cpu cores busy while thresholds pass", Math.Round(fireCpu.TotalSeconds / Math.Max(0.001, firingSeconds), 2));
        Figures.Add($"{n} gc collections gen0 / gen1 / gen2 while thresholds pass", gcs);
        Figures.Add($"{n} gc pause s while thresholds pass", Math.Round(gcPause.TotalSeconds, 2));
        Figures.Add($"{n} allocated bytes per push while thresholds pass", Math.Round(allocated / (double)Math.Max(1, lateness.Length)));
        Figures.Add($"{n} managed heap MB while thresholds pass", Math.Round(GC.GetTotalMemory(false) / 1e6));
        Figures.Add($"{n} load average", Machine.LoadAverage());
        GC.KeepAlive(feed);
        return lateness.Length == ids.Length ? Figures.Percentile(lateness, 99) : double.PositiveInfinity;
    }

    /// <summary>
    /// The floor: plain .NET timers (<see cref="TimeProvider.CreateTimer"/>, no Orleans, no session), as many,
    /// due as densely, in the same process on the same machine; lateness = callback - due time.
    /// </summary>
    public static double Baseline(TimerCase run)
    {
        var lateness = new double[run.Sessions];
        var timers = new ITimer[run.Sessions];
        var done = new CountdownEvent(run.Sessions);
        var start = DateTime.UtcNow.Ticks + TimeSpan.TicksPerSecond;
        var spacing = run.Window.Ticks / run.Sessions;
        var cpu0 = Machine.SelfCpu;
        for (var i = 0; i < run.Sessions; i++)
        {
            var n = i;
            var due = start + n * spacing;
            timers[n] = TimeProvider.System.CreateTimer(_ =>
            {
                lateness[n] = (DateTime.UtcNow.Ticks - due) / (double)TimeSpan.TicksPerMillisecond;
                done.Signal();
            }, null, TimeSpan.FromTicks(due - DateTime.UtcNow.Ticks), Timeout.InfiniteTimeSpan);
        }
        done.Wait();
        var cpu = Machine.SelfCpu - cpu0;
        foreach (var timer in timers) timer.Dispose();
        Array.Sort(lateness);
        var n2 = run.Name + " baseline .NET timers";
        Figures.Add($"{n2} count", run.Sessions);
        Figures.Add($"{n2} lateness p50 ms", Math.Round(Figures.Percentile(lateness, 50), 1));
        Figures.Add($"{n2} lateness p99 ms", Math.Round(Figures.Percentile(lateness, 99), 1));
        Figures.Add($"{n2} lateness max ms", Math.Round(lateness[^1], 1));
        Figures.Add($"{n2} cpu s", Math.Round(cpu.TotalSeconds, 2));
        Figures.Add($"{n2} load average", Machine.LoadAverage());
        return Figures.Percentile(lateness, 99);
    }

    // Page view i is due at start + i * window / N (open model: sent on time whatever earlier ones do).
    private static async Task<double[]> SendPageViewsAsync(SiloHost silo, string[] ids, TimeSpan window)
    {
        var sentAt = new long[ids.Length];
        var roundTrips = new double[ids.Length];
        var inFlight = new List<Task>(ids.Length);
        var start = Stopwatch.GetTimestamp();
        var ticksPer = window.TotalSeconds * Stopwatch.Frequency / ids.Length;
        for (var i = 0; i < ids.Length; i++)
        {
            var due = start + (long)(i * ticksPer);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 500) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            var n = i;
            sentAt[n] = Stopwatch.GetTimestamp();
            RequestContext.Set(PageViewClock.Mark, n);
            var call = Sessions.ViewDwellPageAsync(silo.Grains, ids[n]);
            RequestContext.Remove(PageViewClock.Mark);
            inFlight.Add(call
                .ContinueWith(t =>
                {
                    roundTrips[n] = Stopwatch.GetElapsedTime(sentAt[n]).TotalMilliseconds;
                    t.GetAwaiter().GetResult();
                }, TaskScheduler.Default));
        }
        await Task.WhenAll(inFlight);
        return roundTrips.Order().ToArray();
    }

    private sealed class PushFeed(Dictionary<string, int> index, long[] pushedAt) : ISessionObserver
    {
        private int _received;

        public int Received => Volatile.Read(ref _received);

        public Task OnDecision(Decision decision)
        {
            var now = DateTime.UtcNow.Ticks;
            if (decision.Engagements.Count > 0 && index.TryGetValue(decision.SessionId, out var i)
                && Interlocked.CompareExchange(ref pushedAt[i], now, 0) == 0)
                Interlocked.Increment(ref _received);
            return Task.CompletedTask;
        }

        public Task OnSessionEnded() => Task.CompletedTask;
    }

    /// <summary>The silo's own <c>targeting.timer.lateness</c> histogram, value by value.</summary>
    private sealed class TimerLatenessListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<double> _values = new();

        public TimerLatenessListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TargetingMetrics.MeterName && instrument.Name == "targeting.timer.lateness")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _values.Enqueue(value));
            _listener.Start();
        }

        public double[] Values() => _values.Order().ToArray();

        public void Dispose() => _listener.Dispose();
    }
}
