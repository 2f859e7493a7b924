using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Targeting.ReliabilityTests.Infrastructure;
using Targeting.Testing;
using Xunit.Abstractions;

namespace Targeting.ReliabilityTests;

/// <summary>
/// Against real Azure Table storage (Azurite): an outage under load answers 503 with Retry-After
/// within seconds and never hangs or crashes; the gateway recovers by itself when storage returns;
/// every event acknowledged with 200 is stored exactly once. Expired sessions leave no row behind.
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private readonly AzuriteFixture _azurite = new(durable: true);

    public Task InitializeAsync() => _azurite.StartAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)_azurite).DisposeAsync();

    private Dictionary<string, string?> Settings(string clusterId) => new()
    {
        ["Targeting:AzureStorage:ConnectionString"] = _azurite.ConnectionString,
        ["Targeting:Cluster:ClusterId"] = clusterId,
    };

    [Fact]
    public async Task An_outage_under_load_answers_503_fast_recovers_by_itself_and_loses_nothing_acknowledged()
    {
        var clusterId = "outage-" + Guid.NewGuid().ToString("N")[..8];
        var gateway = new TestGateway(Settings(clusterId));
        var account = await gateway.Api().CreateAccountAsync();
        await account.ErrorCountingLibraryAsync();
        var sessions = new List<Session>();
        for (var i = 0; i < 4; i++) sessions.Add(await account.StartSessionAsync());

        var clock = Stopwatch.StartNew();
        var outageStartTicks = long.MaxValue;
        var outageEndTicks = long.MaxValue;
        var first503 = new ConcurrentBag<TimeSpan>();
        var firstOkAfterOutage = new ConcurrentDictionary<int, TimeSpan>();
        var latencies = new ConcurrentBag<TimeSpan>();
        var unexpected = new ConcurrentBag<string>();
        var acknowledged = new int[sessions.Count];
        var (ok, unavailable) = (0, 0);
        using var stop = new CancellationTokenSource();

        async Task Visitor(int k)
        {
            var session = sessions[k];
            while (!stop.IsCancellationRequested)
            {
                // A client retries an event with the same id until it is acknowledged.
                var started = clock.Elapsed;
                var response = await session.PostEventsAsync(Session.Boom($"v{k}-{acknowledged[k]}"));
                var now = clock.Elapsed;
                latencies.Add(now - started);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref ok);
                    acknowledged[k]++;
                    if (now.Ticks > Interlocked.Read(ref outageEndTicks)) firstOkAfterOutage.TryAdd(k, now);
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref unavailable);
                    if (response.Headers.RetryAfter is null || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        unexpected.Add("503 without Retry-After or problem details");
                    if (now.Ticks > Interlocked.Read(ref outageStartTicks)) first503.Add(now);
                }
                else
                {
                    unexpected.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                await Task.Delay(100);
            }
        }

        var visitors = Enumerable.Range(0, sessions.Count).Select(k => Task.Run(() => Visitor(k))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var outageStart = clock.Elapsed;
        Interlocked.Exchange(ref outageStartTicks, outageStart.Ticks);
        await _azurite.StopAsync();
        await Task.Delay(Outage);
        await _azurite.StartAsync();
        var outageEnd = clock.Elapsed;
        Interlocked.Exchange(ref outageEndTicks, outageEnd.Ticks);
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
        while (firstOkAfterOutage.Count < sessions.Count && clock.Elapsed < deadline) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(visitors);

        var toFirst503 = first503.IsEmpty ? TimeSpan.MaxValue : first503.Min() - outageStart;
        var recovery = firstOkAfterOutage.IsEmpty ? TimeSpan.MaxValue : firstOkAfterOutage.Values.Max() - outageEnd;
        output.WriteLine($"outage {Outage.TotalSeconds} s: {ok} × 200, {unavailable} × 503; first 503 after {toFirst503.TotalSeconds:F2} s; "
            + $"all visitors recovered {recovery.TotalSeconds:F2} s after storage returned; slowest answer {latencies.Max().TotalSeconds:F2} s; "
            + $"acknowledged per session: {string.Join(", ", acknowledged)}");

        Assert.Empty(unexpected);
        Assert.True(toFirst503 < TimeSpan.FromSeconds(5), $"first 503 after {toFirst503}");
        Assert.True(latencies.Max() < TimeSpan.FromSeconds(8), $"an answer took {latencies.Max()}");
        Assert.Equal(sessions.Count, firstOkAfterOutage.Count);
        Assert.True(recovery < TimeSpan.FromSeconds(30), $"recovered after {recovery}");

        // Exactly once: the explanation counts every acknowledged event once, despite the retries of unknown outcomes.
        for (var k = 0; k < sessions.Count; k++) Assert.Equal(acknowledged[k], await sessions[k].BoomCountAsync());

        // And it is in storage: a fresh gateway (new silo, same storage and keys) reads the same counts.
        await gateway.DisposeAsync();
        await using var fresh = new TestGateway(Settings(clusterId));
        var again = new Account(fresh.Api(), account.Id, account.AdminKey);
        for (var k = 0; k < sessions.Count; k++)
            Assert.Equal(acknowledged[k], await new Session(again, sessions[k].Id).BoomCountAsync());
    }

    [Fact]
    public async Task An_expired_session_leaves_no_row_in_storage()
    {
        var settings = Settings("expiry-" + Guid.NewGuid().ToString("N")[..8]);
        settings["Targeting:Sessions:IdleTimeout"] = "00:00:02";
        await using var gateway = new TestGateway(settings);
        var account = await gateway.Api().CreateAccountAsync();
        await account.ErrorCountingLibraryAsync();
        var session = await account.StartSessionAsync();
        await session.SendOkAsync(Session.Boom("e1"));

        var tables = _azurite.CreateTableServiceClient();
        Assert.True(await RowsMentioningAsync(tables, session.Id) > 0, "the live session has a row");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await RowsMentioningAsync(tables, session.Id) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the expired session's row is still in storage");
            await Task.Delay(250);
        }
        await (await account.Api.Http.GetAsync(session.Path + "/decision")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await RowsMentioningAsync(tables, session.Id));
    }

    private static async Task<int> RowsMentioningAsync(TableServiceClient tables, string text)
    {
        var count = 0;
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (row.PartitionKey.Contains(text, StringComparison.Ordinal) || row.RowKey.Contains(text, StringComparison.Ordinal)) count++;
            }
        }
        return count;
    }
}
