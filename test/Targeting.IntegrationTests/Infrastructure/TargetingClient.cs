using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Targeting.IntegrationTests.Infrastructure;

public sealed record Offer(string CampaignId, string EngagementId, string Kind, string? Name, int Priority);

public sealed record DecisionDto(string SessionId, long Revision, List<Offer> Engagements)
{
    public bool Offers(string engagementId) => Engagements.Any(e => e.EngagementId == engagementId);
}

/// <summary>The API as a client sees it: plain HTTP and JSON, nothing shared with the server's types.</summary>
public sealed class TargetingClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    public async Task<Account> CreateAccountAsync(string? id = null)
    {
        id ??= "acct-" + Guid.NewGuid().ToString("N")[..12];
        var response = await SendAsync(HttpMethod.Post, "/v1/accounts", new { id, name = "Account " + id }, GatewayFactory.OperatorKey);
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return new Account(this, id, body["adminKey"]!.GetValue<string>());
    }
}

public sealed class Account(TargetingClient api, string id, string adminKey)
{
    public string Id => id;
    public string AdminKey { get; set; } = adminKey;
    public TargetingClient Api => api;

    public Task<HttpResponseMessage> PutAsync(string collection, string objectId, object body) =>
        api.SendAsync(HttpMethod.Put, $"/v1/accounts/{id}/{collection}/{objectId}", body, AdminKey);

    public async Task<JsonObject> PutOkAsync(string collection, string objectId, object body)
    {
        var response = await PutAsync(collection, objectId, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {collection}/{objectId}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public Task<JsonObject> EntryPointAsync(string entryPointId, params object[] matchers) =>
        PutOkAsync("entry-points", entryPointId, new { name = entryPointId, matchers });

    public Task<JsonObject> FlowAsync(string flowId, params object[] steps) =>
        PutOkAsync("flows", flowId, new { name = flowId, steps });

    public Task<JsonObject> BehaviorAsync(string behaviorId, params object[] conditions) =>
        PutOkAsync("behaviors", behaviorId, new { name = behaviorId, conditions });

    /// <summary>A published campaign with one web overlay engagement per (engagement id, behavior id).</summary>
    public Task<JsonObject> CampaignAsync(string campaignId, params object[] engagements) =>
        PutOkAsync("campaigns", campaignId, new { name = campaignId, status = "published", priority = 10, engagements });

    /// <summary>The dwell library: entry point "pdp" (URL contains /product), behavior "dwell" (that many
    /// seconds on it) and campaign "promo" offering web engagement "offer" on it, plus any other engagements.</summary>
    public async Task DwellOfferAsync(int seconds, params object[] otherEngagements)
    {
        await EntryPointAsync("pdp", Ev.Url("contains", "/product"));
        await BehaviorAsync("dwell", new { type = "timeOnEntryPoint", entryPointIds = new[] { "pdp" }, seconds });
        await CampaignAsync("promo", [Ev.Web("offer", "dwell"), .. otherEngagements]);
    }

    public async Task<Session> StartSessionAsync(string source = "web")
    {
        var response = await api.SendAsync(HttpMethod.Post, $"/v1/accounts/{id}/sessions", new { source });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return new Session(api, id, body["sessionId"]!.GetValue<string>());
    }
}

public sealed class Session(TargetingClient api, string accountId, string id)
{
    public string Id => id;
    public string Path => $"/v1/accounts/{accountId}/sessions/{id}";

    public Task<HttpResponseMessage> PostEventsAsync(params object[] events) =>
        api.SendAsync(HttpMethod.Post, Path + "/events", new { events });

    public async Task<DecisionDto> SendAsync(params object[] events)
    {
        var response = await PostEventsAsync(events);
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).Deserialize<DecisionDto>(TargetingClient.Json)!;
    }

    public async Task<DecisionDto> CurrentAsync()
    {
        var response = await api.Http.GetAsync(Path + "/decision");
        return (await response.ReadJsonAsync(HttpStatusCode.OK)).Deserialize<DecisionDto>(TargetingClient.Json)!;
    }

    public async Task<JsonObject> ExplainAsync(string adminKey)
    {
        var response = await api.SendAsync(HttpMethod.Get, Path + "/explanation", key: adminKey);
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    public Task<SseReader> OpenStreamAsync(TargetingClient? through = null) => SseReader.OpenAsync((through ?? api).Http, Path + "/decisions");
}
