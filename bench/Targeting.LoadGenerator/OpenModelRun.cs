using System.Diagnostics;
using System.Text;
using HdrHistogram;

namespace Targeting.LoadGenerator;

public sealed record StepResult(double ScheduledRequestsPerSecond, double EventsPerSecond, long Requests, long Errors,
    double P50Ms, double P99Ms, double P999Ms, double MaxMs, double MeanResponseBytes, bool Sustained);

/// <summary>
/// Open model: request i is due at start + i / rate whatever happened to earlier requests, and its
/// latency is its completion time minus that intended time, so a stall (server or generator) shows
/// up in the latency of every request it delayed instead of silently lowering the rate.
/// </summary>
public sealed class OpenModelRun(OpenModelRun.Sender send, Visitors visitors)
{
    /// <summary>What one request returned: success, response size, and for a session start the new session id.</summary>
    public readonly record struct Reply(bool Ok, int Bytes, string? StartedSession);

    /// <summary>Sends one request of the schedule (<paramref name="sessionId"/> is null for a session start).</summary>
    public delegate Task<Reply> Sender(Visitors.Request request, string? sessionId);

    /// <summary>The gateway's HTTP API (and the baselines that mimic it).</summary>
    public OpenModelRun(HttpClient http, Visitors visitors)
        : this(HttpSender(http), visitors)
    {
    }

    public static Sender HttpSender(HttpClient http) => async (request, sessionId) =>
    {
        using var content = new StringContent(request.Body ?? Journey.StartBody, Encoding.UTF8, "application/json");
        var path = request.Body is null
            ? $"/v1/accounts/{Seeder.AccountId}/sessions"
            : $"/v1/accounts/{Seeder.AccountId}/sessions/{sessionId}/events";
        using var response = await http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        var ok = response.IsSuccessStatusCode;
        return new Reply(ok, text.Length, ok && request.Body is null ? Visitors.SessionIdOf(text) : null);
    };

    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(2);

    /// <summary>A step is sustained when every request completed without error, no later than
    /// this after the schedule ended, with p99 under <see cref="ExplodedP99Ms"/>.</summary>
    public static readonly TimeSpan Lag = TimeSpan.FromMilliseconds(250);
    public const double ExplodedP99Ms = 100;

    public async Task<StepResult> RunAsync(double requestsPerSecond, TimeSpan duration)
    {
        var histogram = new LongHistogram(TimeSpan.FromSeconds(60).Ticks / 10, 3); // in microseconds
        long errors = 0, events = 0, bytes = 0, completed = 0, lastCompletion = 0;
        var total = (long)(requestsPerSecond * duration.TotalSeconds);
        var pending = new List<Task>((int)total);
        var clock = Stopwatch.StartNew();

        async Task Send(Visitors.Request request, long intendedTicks)
        {
            var ok = false;
            var size = 0;
            try
            {
                var reply = await send(request, await request.Session);
                size = reply.Bytes;
                ok = reply.Ok;
                request.OnStarted?.Invoke(ok ? reply.StartedSession : null);
            }
            catch (Exception)
            {
                request.OnStarted?.Invoke(null);
            }
            var done = clock.Elapsed.Ticks;
            var micros = Math.Max(1, (done - intendedTicks) / 10);
            lock (histogram)
            {
                histogram.RecordValue(Math.Min(micros, histogram.HighestTrackableValue));
                if (!ok) errors++;
                else if (request.Body is not null) { events += request.Events; bytes += size; completed++; }
                lastCompletion = Math.Max(lastCompletion, done);
            }
        }

        // A dedicated thread keeps the schedule: sleeping when the next request is over 1.5 ms away, yielding otherwise.
        var scheduler = new Thread(() =>
        {
            var ticksPerRequest = TimeSpan.TicksPerSecond / requestsPerSecond;
            for (long i = 0; i < total; i++)
            {
                var intended = (long)(i * ticksPerRequest);
                while (clock.Elapsed.Ticks is var now && now < intended)
                {
                    if (intended - now > TimeSpan.TicksPerMillisecond * 3 / 2) Thread.Sleep(1);
                    else Thread.Yield();
                }
                var request = visitors.Next();
                lock (pending) pending.Add(Send(request, intended));
            }
        })
        { IsBackground = true, Name = "schedule" };
        scheduler.Start();
        await Task.Run(scheduler.Join);
        var scheduleEnd = duration.Ticks;
        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(Drain));
        var finished = pending.All(t => t.IsCompleted);

        lock (histogram)
        {
            double Ms(double percentile)
            {
                if (histogram.TotalCount == 0) return 0;
                try
                {
                    return histogram.GetValueAtPercentile(percentile) / 1000.0;
                }
                catch (ArgumentOutOfRangeException)
                {
                    // HdrHistogram finds no bucket when requests of a collapsed step pile up at the top: report the max then.
                    return histogram.GetMaxValue() / 1000.0;
                }
            }
            var elapsed = TimeSpan.FromTicks(Math.Max(lastCompletion, scheduleEnd));
            var p99 = Ms(99);
            var sustained = finished && errors == 0 && p99 <= ExplodedP99Ms && lastCompletion - scheduleEnd <= Lag.Ticks;
            return new StepResult(requestsPerSecond, events / elapsed.TotalSeconds, histogram.TotalCount, errors + (total - histogram.TotalCount),
                Ms(50), p99, Ms(99.9), histogram.GetMaxValue() / 1000.0, completed == 0 ? 0 : bytes / (double)completed, sustained);
        }
    }
}
