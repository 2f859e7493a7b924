using System.Text.Json;
using System.Text.Json.Nodes;
using Targeting.Rules;
using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.ClusterTests.Harness;

/// <summary>One acknowledged batch: when it was first sent, when it was acknowledged, and how many attempts it took.</summary>
public sealed record SentBatch(JsonArray Events, DateTimeOffset FirstSentAt, DateTimeOffset AcknowledgedAt, int Attempts);

/// <summary>
/// A visitor browsing the shop: batches of one to three events with ids, sent through alternating
/// gateways and retried unchanged until acknowledged. Keeps every acknowledged batch, in order,
/// for the reference replay.
/// </summary>
public sealed class Journey(TargetingApi api, string accountId, int visitor)
{
    private readonly Random random = new(visitor);
    private int nextEvent;

    public string SessionId { get; private set; } = "";

    public List<SentBatch> Acknowledged { get; } = [];

    public int ErrorsAcknowledged => Acknowledged.Sum(b => b.Events.Count(e => e?["type"]?.GetValue<string>() == "visitorError"));

    public async Task RunAsync(CancellationToken stop)
    {
        SessionId = await api.StartSessionAsync(accountId, visitor);
        var batch = 0;
        while (!stop.IsCancellationRequested)
        {
            var events = NextBatch();
            var sentAt = DateTimeOffset.UtcNow;
            // Once started, a batch is retried to the end even when the run is stopping: it must be acknowledged.
            var (body, attempts) = await api.SendEventsAsync(accountId, SessionId, events, visitor + batch++, CancellationToken.None);
            if (body is null)
                return; // an unexpected answer: recorded in the stats, the test fails
            Acknowledged.Add(new SentBatch(events, sentAt, DateTimeOffset.UtcNow, attempts));
            try
            {
                await Task.Delay(random.Next(150, 450), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>What the engine decides from the acknowledged batches alone, each applied once, in order.</summary>
    public Decision ReferenceDecision(RuleSet ruleSet)
    {
        var now = DateTimeOffset.UtcNow;
        var state = SessionEngine.Start(SessionId, Source.Web, now);
        SessionEngine.Decide(state, ruleSet, now);
        foreach (var batch in Acknowledged)
        {
            foreach (var e in batch.Events)
                SessionEngine.Apply(state, JsonSerializer.Deserialize<VisitorEvent>(e!.ToJsonString(), RulesJson.Options)!, ruleSet, now);
            SessionEngine.Decide(state, ruleSet, now);
        }
        return SessionEngine.CurrentDecision(state);
    }

    private JsonArray NextBatch()
    {
        var events = new JsonArray();
        for (var i = random.Next(1, 4); i > 0; i--)
            events.Add(NextEvent());
        return events;
    }

    private JsonObject NextEvent()
    {
        var id = $"v{visitor}-e{nextEvent++}";
        return random.Next(4) switch
        {
            0 => new JsonObject { ["id"] = id, ["type"] = "pageView", ["url"] = $"https://shop.example/shop/p{random.Next(50)}", ["title"] = "Product" },
            1 => new JsonObject { ["id"] = id, ["type"] = "pageView", ["url"] = "https://shop.example/", ["title"] = "Home" },
            2 => Cart(id, random.Next(0, 300)),
            _ => new JsonObject { ["id"] = id, ["type"] = "visitorError", ["message"] = ShopLibrary.ErrorMessage },
        };
    }

    private static JsonObject Cart(string id, int total) => new()
    {
        ["id"] = id,
        ["type"] = "cartUpdate",
        ["total"] = total,
        ["currency"] = "EUR",
        ["products"] = total == 0
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["name"] = "Kettle", ["sku"] = "k-1", ["category"] = "kitchen", ["price"] = total, ["quantity"] = 1 }),
    };
}
