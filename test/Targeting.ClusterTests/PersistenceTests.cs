using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Targeting.ClusterTests.Harness;
using Xunit.Abstractions;

namespace Targeting.ClusterTests;

/// <summary>
/// Session state lives in Azure Table storage (Azurite here): a session outlives the silo and the
/// gateway that served it, and continues on a silo that never held it in memory.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class PersistenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_session_survives_its_silo_stopping_and_continues_on_another_silo_with_its_dwell_timer()
    {
        await using var cluster = await LocalCluster.StartAzuriteAsync("persist");
        await cluster.StartSiloAsync(1);
        await cluster.StartGatewayAsync(1);
        var stats = new ClientStats();
        using var before = new TargetingApi([cluster.Gateway(1)], stats);
        var (account, adminKey) = await before.CreateAccountAsync(cluster.OperatorKey, "shop");
        await ShopLibrary.PublishAsync(before, account, adminKey);
        var session = await before.StartSessionAsync(account, 0);
        var journey = new JsonArray(
            Event("e1", "pageView", ("url", "https://shop.example/shop/p1")),
            Event("e2", "cartUpdate", ("total", 150), ("products", new JsonArray())),
            Event("e3", "visitorError", ("message", ShopLibrary.ErrorMessage)),
            Event("e4", "visitorError", ("message", ShopLibrary.ErrorMessage)),
            Event("e5", "pageView", ("url", "https://shop.example/dwell")));
        var (acknowledged, _) = await before.SendEventsAsync(account, session, journey, 0, CancellationToken.None);
        Assert.NotNull(acknowledged);
        var dwellDue = DateTimeOffset.UtcNow.AddSeconds(ShopLibrary.DwellSeconds);
        Assert.Equal(["cart-offer", "shop-chat", "welcome"], Ids(acknowledged)); // one campaign: by engagement id

        // The silo stops gracefully (SIGTERM) with the dwell timer armed; so does the gateway.
        Assert.True(await cluster.Silos[1].StopAsync(TimeSpan.FromSeconds(45)), "silo 1 ignored SIGTERM");
        Assert.Equal(0, cluster.Silos[1].ExitCode);
        await cluster.StopGatewayAsync(1);

        // A new silo and a new gateway: the session comes back from storage.
        await cluster.StartSiloAsync(2);
        await cluster.StartGatewayAsync(2);
        using var after = new TargetingApi([cluster.Gateway(2)], stats);
        await using var watcher = new DecisionWatcher(cluster.Gateway(2), account, session, "linger-offer");
        await Task.WhenAny(watcher.Arrived, Task.Delay(TimeSpan.FromSeconds(30)));
        if (!watcher.Arrived.IsCompletedSuccessfully)
        {
            var explanation = await after.ExplanationAsync(account, adminKey, session);
            var current = await after.DecisionAsync(account, session);
            Assert.Fail($"no dwell push ({watcher.Reconnects} reconnects); decision {current.ToJsonString()}; explanation {explanation.ToJsonString()}");
        }
        var pushedAt = await watcher.Arrived;
        output.WriteLine($"dwell push after the move: due {dwellDue:T}, pushed {pushedAt:T}");
        Assert.True(pushedAt >= dwellDue.AddSeconds(-1), "the dwell engagement came before its threshold");

        var decision = await after.DecisionAsync(account, session);
        Assert.Equal(["cart-offer", "linger-offer", "shop-chat", "welcome"], Ids(decision));
        Assert.Equal(2, await ErrorsAsync(after, account, adminKey, session));

        // A retried batch (same ids) is skipped after the move; new events apply once.
        var (retried, _) = await after.SendEventsAsync(account, session, journey.DeepClone().AsArray(), 0, CancellationToken.None);
        Assert.NotNull(retried);
        Assert.Equal(decision["revision"]!.GetValue<long>(), retried["revision"]!.GetValue<long>());
        Assert.Equal(2, await ErrorsAsync(after, account, adminKey, session));
        var more = new JsonArray([.. Enumerable.Range(6, 3).Select(i => Event($"e{i}", "visitorError", ("message", ShopLibrary.ErrorMessage)))]);
        var (afterMore, _) = await after.SendEventsAsync(account, session, more, 0, CancellationToken.None);
        Assert.Contains("error-help", Ids(afterMore!));
        Assert.Equal(5, await ErrorsAsync(after, account, adminKey, session));
        Assert.True(stats.Unexpected.IsEmpty, string.Join('\n', stats.Unexpected));
    }

    private static JsonObject Event(string id, string type, params (string Name, JsonNode? Value)[] fields)
    {
        var e = new JsonObject { ["id"] = id, ["type"] = type };
        foreach (var (name, value) in fields)
            e[name] = value;
        return e;
    }

    private static string[] Ids(JsonNode decision) =>
        decision["engagements"]!.AsArray().Select(e => e!["engagementId"]!.GetValue<string>()).ToArray();

    private static async Task<int> ErrorsAsync(TargetingApi api, string account, string adminKey, string session)
    {
        var explanation = await api.ExplanationAsync(account, adminKey, session);
        var detail = explanation["engagements"]!.AsArray()
            .Single(e => e!["engagementId"]!.GetValue<string>() == "error-help")!["conditions"]!.AsArray()
            .Single(c => c!["type"]!.GetValue<string>() == "visitorError")!["detail"]!.GetValue<string>();
        return int.Parse(ErrorCount().Match(detail).Groups[1].Value);
    }

    [GeneratedRegex(@"occurred (\d+) time")]
    private static partial Regex ErrorCount();
}
