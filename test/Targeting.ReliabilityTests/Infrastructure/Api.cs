using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Targeting.ReliabilityTests.Infrastructure;

/// <summary>The API as a client sees it: HTTP and JSON, nothing shared with the server's types.</summary>
public sealed class Api(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    /// <summary>Sends bytes as they are (malformed JSON, invalid UTF-8), with a Content-Length.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, byte[]? body, string? key = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    public async Task<Account> CreateAccountAsync(string? id = null)
    {
        id ??= "acct-" + Guid.NewGuid().ToString("N")[..12];
        var response = await SendAsync(HttpMethod.Post, "/v1/accounts", new { id, name = "Account " + id }, TestGateway.OperatorKey);
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return new Account(this, id, body["adminKey"]!.GetValue<string>());
    }
}

public sealed class Account(Api api, string id, string adminKey)
{
    public string Id => id;
    public string AdminKey { get; set; } = adminKey;
    public Api Api => api;
    public string Path => $"/v1/accounts/{id}";

    public async Task<JsonObject> PutOkAsync(string collection, string objectId, object body)
    {
        var response = await api.SendAsync(HttpMethod.Put, $"{Path}/{collection}/{objectId}", body, AdminKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {collection}/{objectId}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<Session> StartSessionAsync(string source = "web")
    {
        var response = await api.SendAsync(HttpMethod.Post, $"{Path}/sessions", new { source });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return new Session(this, body["sessionId"]!.GetValue<string>());
    }

    /// <summary>A library where visitor errors drive decisions: 'err-2' shows after the 2nd "boom", 'err-3' after the 3rd.</summary>
    public async Task ErrorCountingLibraryAsync()
    {
        await PutOkAsync("behaviors", "boom-2", new { name = "boom twice", conditions = new[] { new { type = "visitorError", message = "boom", instance = 2 } } });
        await PutOkAsync("behaviors", "boom-3", new { name = "boom thrice", conditions = new[] { new { type = "visitorError", message = "boom", instance = 3 } } });
        await PutOkAsync("campaigns", "errors", new
        {
            name = "errors",
            status = "published",
            priority = 10,
            engagements = new[]
            {
                new { id = "err-2", name = "err-2", source = "web", kind = "overlay", behaviorId = "boom-2" },
                new { id = "err-3", name = "err-3", source = "web", kind = "overlay", behaviorId = "boom-3" },
            },
        });
    }
}

public sealed class Session(Account account, string id)
{
    public string Id => id;
    public Account Account => account;
    public string Path => $"{account.Path}/sessions/{id}";

    public Task<HttpResponseMessage> PostEventsAsync(params object[] events) =>
        account.Api.SendAsync(HttpMethod.Post, Path + "/events", new { events });

    public async Task<JsonObject> SendOkAsync(params object[] events) =>
        await (await PostEventsAsync(events)).ReadJsonAsync(HttpStatusCode.OK);

    public async Task<JsonObject> DecisionAsync() =>
        await (await account.Api.Http.GetAsync(Path + "/decision")).ReadJsonAsync(HttpStatusCode.OK);

    public async Task<JsonObject> ExplainAsync() =>
        await (await account.Api.SendAsync(HttpMethod.Get, Path + "/explanation", key: account.AdminKey)).ReadJsonAsync(HttpStatusCode.OK);

    /// <summary>How many times the explanation says the error "boom" occurred (from the visitorError condition's detail).</summary>
    public async Task<int> BoomCountAsync()
    {
        var explanation = await ExplainAsync();
        var detail = explanation["engagements"]!.AsArray()
            .SelectMany(e => e!["conditions"]!.AsArray())
            .Select(c => c!["detail"]!.GetValue<string>())
            .First(d => d.StartsWith("error 'boom' occurred ", StringComparison.Ordinal));
        return int.Parse(detail["error 'boom' occurred ".Length..].Split(' ')[0]);
    }

    public static object Boom(string id) => new { type = "visitorError", id, message = "boom" };
}
