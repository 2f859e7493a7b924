using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Targeting.BrowserTests;

/// <summary>A campaign manager of a fresh account, talking to the gateway's public admin API.</summary>
public sealed class Admin : IDisposable
{
    private readonly HttpClient http;

    private Admin(HttpClient http, string accountId)
    {
        this.http = http;
        AccountId = accountId;
    }

    public string AccountId { get; }

    public static async Task<Admin> CreateAccountAsync(Uri gateway, string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];
        var http = new HttpClient { BaseAddress = gateway };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/accounts")
        {
            Content = JsonContent.Create(new { id, name = "Browser test " + prefix }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.OperatorKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"create account: {(int)response.StatusCode} {body}");
        var adminKey = JsonNode.Parse(body)!["adminKey"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return new Admin(http, id);
    }

    public Task EntryPointAsync(string id, string json) => PutAsync("entry-points", id, json);

    public Task FlowAsync(string id, string json) => PutAsync("flows", id, json);

    public Task BehaviorAsync(string id, string json) => PutAsync("behaviors", id, json);

    public Task CampaignAsync(string id, string json) => PutAsync("campaigns", id, json);

    /// <summary>A published campaign holding one web engagement; its id is the engagement's id + "-campaign".</summary>
    public Task EngagementAsync(string id, string kind, string? behaviorId, string name = "Can we help?", int priority = 10, string? entryPointId = null)
    {
        var engagement = new JsonObject { ["id"] = id, ["name"] = name, ["source"] = "web", ["kind"] = kind, ["behaviorId"] = behaviorId };
        if (entryPointId is not null) engagement["entryPointIds"] = new JsonArray(entryPointId);
        var campaign = new JsonObject
        {
            ["name"] = id,
            ["status"] = "published",
            ["priority"] = priority,
            ["engagements"] = new JsonArray(engagement),
        };
        return CampaignAsync(id + "-campaign", campaign.ToJsonString());
    }

    /// <summary>Sends a batch of events to a session as another client would; asserts 200.</summary>
    public async Task SendEventsAsync(string sessionId, JsonArray events)
    {
        using var content = new StringContent(new JsonObject { ["events"] = events }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"/v1/accounts/{AccountId}/sessions/{sessionId}/events", content);
        Assert.True(response.IsSuccessStatusCode, $"POST events: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonObject> DecisionAsync(string sessionId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/v1/accounts/{AccountId}/sessions/{sessionId}/decision"))!;

    public async Task<JsonObject> ExplanationAsync(string sessionId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/v1/accounts/{AccountId}/sessions/{sessionId}/explanation"))!;

    public async Task<string[]> EligibleAsync(string sessionId) =>
        [.. (await DecisionAsync(sessionId))["engagements"]!.AsArray().Select(e => e!["engagementId"]!.GetValue<string>())];

    private async Task PutAsync(string collection, string id, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PutAsync($"/v1/accounts/{AccountId}/{collection}/{id}", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {collection}/{id}: {(int)response.StatusCode} {body}");
    }

    public void Dispose() => http.Dispose();
}
