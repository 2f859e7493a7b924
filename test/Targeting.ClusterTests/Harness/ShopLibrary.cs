using System.Text.Json;
using System.Text.Json.Nodes;
using Targeting.Rules;
using Targeting.Rules.Compilation;
using Targeting.Rules.Library;

namespace Targeting.ClusterTests.Harness;

/// <summary>
/// The account the cluster tests target: engagements driven by counted errors, cart value and
/// visited pages (the journeys), and a dwell engagement (the timers). Published through the API,
/// and compiled locally with the same engine for the reference replay.
/// </summary>
public static class ShopLibrary
{
    public const string ErrorMessage = "boom";
    public const int ErrorsForHelp = 5;
    public const int DwellSeconds = 8;

    public static readonly (string Collection, string Id, string Json)[] Objects =
    [
        ("entry-points", "shop", """{"name":"Shop","matchers":[{"kind":"url","operator":"contains","value":"/shop/"}]}"""),
        ("entry-points", "dwell", """{"name":"Dwell page","matchers":[{"kind":"url","operator":"contains","value":"/dwell"}]}"""),
        ("behaviors", "many-errors", $$"""{"name":"Many errors","conditions":[{"type":"visitorError","mode":"include","message":"{{ErrorMessage}}","instance":{{ErrorsForHelp}}}]}"""),
        ("behaviors", "big-cart", """{"name":"Big cart","conditions":[{"type":"cartValue","operator":"between","min":100,"max":1000}]}"""),
        ("behaviors", "shopper", """{"name":"Shopper","conditions":[{"type":"visitedEntryPoint","entryPointIds":["shop"],"mode":"include"}]}"""),
        ("behaviors", "lingers", $$"""{"name":"Lingers","conditions":[{"type":"timeOnEntryPoint","entryPointIds":["dwell"],"seconds":{{DwellSeconds}}}]}"""),
        ("campaigns", "journeys", """
            {"name":"Journeys","status":"published","priority":10,"engagements":[
              {"id":"welcome","name":"Welcome","source":"web","kind":"chatButton","behaviorId":null},
              {"id":"error-help","name":"Error help","source":"web","kind":"overlay","behaviorId":"many-errors"},
              {"id":"cart-offer","name":"Cart offer","source":"web","kind":"content","behaviorId":"big-cart"},
              {"id":"shop-chat","name":"Shop chat","source":"web","kind":"chatButton","behaviorId":"shopper"},
              {"id":"linger-offer","name":"Linger offer","source":"web","kind":"stickyButton","behaviorId":"lingers","entryPointIds":["dwell"]}]}
            """),
    ];

    public static async Task PublishAsync(TargetingApi api, string accountId, string adminKey)
    {
        foreach (var (collection, id, json) in Objects)
            await api.PutAsync(accountId, adminKey, collection, id, JsonNode.Parse(json)!);
    }

    /// <summary>The rule set the account's sessions run, compiled here by the same engine.</summary>
    public static RuleSet Compile(string accountId)
    {
        T Read<T>(string collection, string id)
            where T : LibraryObject
        {
            var json = JsonNode.Parse(Objects.Single(o => o.Collection == collection && o.Id == id).Json)!.AsObject();
            (json["id"], json["version"]) = (id, 1);
            return JsonSerializer.Deserialize<T>(json, RulesJson.Options)!;
        }
        IReadOnlyList<T> All<T>(string collection)
            where T : LibraryObject =>
            Objects.Where(o => o.Collection == collection).Select(o => Read<T>(collection, o.Id)).ToArray();
        var library = new AccountLibrary(accountId, 1, All<EntryPoint>("entry-points"), [], All<Behavior>("behaviors"), All<Campaign>("campaigns"));
        return RuleSetCompiler.Compile(library);
    }
}
