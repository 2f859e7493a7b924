using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Targeting.ClusterTests.Harness;
using Xunit.Abstractions;

namespace Targeting.ClusterTests;

/// <summary>
/// Issue 5: Azurite, three silo processes and two gateway processes on loopback; visitors browse
/// through both gateways while one silo is killed (SIGKILL), one is added and one is stopped
/// gracefully (SIGTERM). No acknowledged event is lost or applied twice, every decision equals
/// the engine's replay of the acknowledged events, and dwell timers armed before each failure fire.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class FailoverTests(ITestOutputHelper output)
{
    private const int Visitors = 12;
    private const int DwellSessionsPerFault = 4;
    private static readonly TimeSpan DwellSlack = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sessions_keep_every_acknowledged_event_once_through_a_killed_an_added_and_a_stopped_silo()
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await LocalCluster.StartAzuriteAsync("failover");
        await Task.WhenAll(cluster.StartSiloAsync(1), cluster.StartSiloAsync(2), cluster.StartSiloAsync(3));
        await Task.WhenAll(cluster.StartGatewayAsync(1), cluster.StartGatewayAsync(2));
        var startup = clock.Elapsed;

        var stats = new ClientStats();
        using var api = new TargetingApi([.. cluster.Gateways], stats);
        var (account, adminKey) = await api.CreateAccountAsync(cluster.OperatorKey, "shop");
        await ShopLibrary.PublishAsync(api, account, adminKey);

        using var stop = new CancellationTokenSource();
        var journeys = Enumerable.Range(0, Visitors).Select(v => new Journey(api, account, v)).ToArray();
        var running = journeys.Select(j => Task.Run(() => j.RunAsync(stop.Token))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(4));

        // SIGKILL silo 1 while dwell timers are armed.
        var dwellBeforeKill = await ArmDwellAsync(api, cluster, account);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var killedAt = DateTimeOffset.UtcNow;
        await cluster.Silos[1].KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));

        // Scale out: silo 4 joins.
        await cluster.StartSiloAsync(4);
        await WhenAllArrivedOrLateAsync(dwellBeforeKill);

        // SIGTERM silo 2 while other dwell timers are armed: it hands its sessions over and exits.
        var dwellBeforeStop = await ArmDwellAsync(api, cluster, account);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var stoppedAt = DateTimeOffset.UtcNow;
        var exitedOnSigterm = await cluster.Silos[2].StopAsync(TimeSpan.FromSeconds(45));
        var stopDuration = DateTimeOffset.UtcNow - stoppedAt;
        await Task.Delay(TimeSpan.FromSeconds(6));
        await stop.CancelAsync();
        await Task.WhenAll(running);
        await WhenAllArrivedOrLateAsync(dwellBeforeStop);

        // Figures, then verdicts.
        var batches = journeys.SelectMany(j => j.Acknowledged).ToArray();
        var afterKill = Unavailability(batches, killedAt, stoppedAt);
        var afterStop = Unavailability(batches, stoppedAt, DateTimeOffset.MaxValue);
        var figures = $"""
            cluster test figures ({clock.Elapsed.TotalSeconds:F0} s in all, {startup.TotalSeconds:F0} s to start Azurite, 3 silos, 2 gateways)
              visitors {Visitors}, acknowledged batches {batches.Length}, events {batches.Sum(b => b.Events.Count)}, HTTP requests {stats.Requests}
              retries {stats.Retries}: 503 answers {stats.Retried503}, broken connections/timeouts {stats.TransportErrors}; batches needing a retry {batches.Count(b => b.Attempts > 1)}
              after SIGKILL of silo 1: longest a session waited {afterKill.Longest.TotalSeconds:F1} s, sessions affected {afterKill.Sessions}
              after SIGTERM of silo 2: longest a session waited {afterStop.Longest.TotalSeconds:F1} s, sessions affected {afterStop.Sessions}; silo 2 exited in {stopDuration.TotalSeconds:F1} s (exit code {cluster.Silos[2].ExitCode})
              dwell pushes ({ShopLibrary.DwellSeconds} s threshold) armed before the kill: {Lateness(dwellBeforeKill)}
              dwell pushes armed before the graceful stop: {Lateness(dwellBeforeStop)}
              unexpected answers: {stats.Unexpected.Count}
            """;
        output.WriteLine(figures);
        Figures.Write("failover", figures);

        Assert.True(stats.Unexpected.IsEmpty, string.Join('\n', stats.Unexpected.Take(10)));
        Assert.True(exitedOnSigterm, "silo 2 did not exit within 45 s of SIGTERM");
        Assert.Equal(0, cluster.Silos[2].ExitCode);
        Assert.Contains(batches, b => b.FirstSentAt > stoppedAt + stopDuration); // traffic went on after the stop
        var ruleSet = ShopLibrary.Compile(account);
        foreach (var journey in journeys)
            await AssertMatchesReplayAsync(api, account, adminKey, journey, ruleSet);
        foreach (var (watcher, deadline) in dwellBeforeKill.Concat(dwellBeforeStop))
        {
            Assert.True(watcher.Arrived.IsCompletedSuccessfully, $"the dwell push of {watcher.SessionId} (due {deadline:T}) never arrived");
            var arrivedAt = await watcher.Arrived;
            Assert.True(arrivedAt <= deadline + DwellSlack, $"the dwell push of {watcher.SessionId} came {(arrivedAt - deadline).TotalSeconds:F1} s late");
        }
        foreach (var (watcher, _) in dwellBeforeKill.Concat(dwellBeforeStop))
            await watcher.DisposeAsync();
    }

    private async Task AssertMatchesReplayAsync(TargetingApi api, string account, string adminKey, Journey journey, Targeting.Rules.Compilation.RuleSet ruleSet)
    {
        var expected = journey.ReferenceDecision(ruleSet);
        var actual = await api.DecisionAsync(account, journey.SessionId);
        var actualIds = actual["engagements"]!.AsArray().Select(e => e!["engagementId"]!.GetValue<string>()).ToArray();
        Assert.Equal(expected.Engagements.Select(e => e.EngagementId).ToArray(), actualIds);
        Assert.Equal(expected.Revision, actual["revision"]!.GetValue<long>());

        // Every acknowledged error counted exactly once: lost or doubled events would show here.
        var explanation = await api.ExplanationAsync(account, adminKey, journey.SessionId);
        var detail = explanation["engagements"]!.AsArray()
            .Single(e => e!["engagementId"]!.GetValue<string>() == "error-help")!["conditions"]!.AsArray()
            .Single(c => c!["type"]!.GetValue<string>() == "visitorError")!["detail"]!.GetValue<string>();
        Assert.Equal(journey.ErrorsAcknowledged, int.Parse(ErrorCount().Match(detail).Groups[1].Value));
    }

    /// <summary>Sessions parked on the dwell page, each watched over SSE through the other gateway.</summary>
    private static async Task<List<(DecisionWatcher Watcher, DateTimeOffset Deadline)>> ArmDwellAsync(TargetingApi api, LocalCluster cluster, string account)
    {
        var gateways = cluster.Gateways.ToArray();
        var armed = new List<(DecisionWatcher, DateTimeOffset)>();
        for (var i = 0; i < DwellSessionsPerFault; i++)
        {
            var session = await api.StartSessionAsync(account, i);
            var watcher = new DecisionWatcher(gateways[(i + 1) % gateways.Length], account, session, "linger-offer");
            var events = new JsonArray(new JsonObject { ["id"] = "dwell", ["type"] = "pageView", ["url"] = "https://shop.example/dwell" });
            var (body, _) = await api.SendEventsAsync(account, session, events, i, CancellationToken.None);
            Assert.NotNull(body);
            armed.Add((watcher, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(ShopLibrary.DwellSeconds)));
        }
        return armed;
    }

    private static async Task WhenAllArrivedOrLateAsync(List<(DecisionWatcher Watcher, DateTimeOffset Deadline)> armed)
    {
        var latest = armed.Max(a => a.Deadline) + DwellSlack;
        var wait = latest - DateTimeOffset.UtcNow;
        await Task.WhenAny(Task.WhenAll(armed.Select(a => a.Watcher.Arrived)), Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero));
    }

    private static string Lateness(List<(DecisionWatcher Watcher, DateTimeOffset Deadline)> armed) =>
        string.Join(", ", armed.Select(a => a.Watcher.Arrived.IsCompletedSuccessfully
            ? $"{Signed((a.Watcher.Arrived.Result - a.Deadline).TotalSeconds)} s ({a.Watcher.Reconnects} reconnects)"
            : "never"));

    private static string Signed(double seconds) => (seconds >= 0 ? "+" : "") + seconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Among batches first sent in [from, to): the longest wait for an acknowledgement, and how many needed a retry.</summary>
    private static (TimeSpan Longest, int Sessions) Unavailability(IEnumerable<SentBatch> batches, DateTimeOffset from, DateTimeOffset to)
    {
        var retried = batches.Where(b => b.FirstSentAt >= from.AddSeconds(-2) && b.FirstSentAt < to && b.Attempts > 1).ToArray();
        return (retried.Select(b => b.AcknowledgedAt - b.FirstSentAt).DefaultIfEmpty().Max(), retried.Length);
    }

    [GeneratedRegex(@"occurred (\d+) time")]
    private static partial Regex ErrorCount();
}
