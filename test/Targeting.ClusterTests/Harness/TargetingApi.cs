using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Targeting.ClusterTests.Harness;

/// <summary>What clients saw while the cluster failed: every retry is counted, anything else is kept.</summary>
public sealed class ClientStats
{
    private int retried503;
    private int transportErrors;
    private int requests;

    public int Requests => requests;
    public int Retried503 => retried503;
    public int TransportErrors => transportErrors;
    public int Retries => retried503 + transportErrors;

    /// <summary>Responses other than 2xx and 503: none is allowed.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Unexpected { get; } = new();

    internal void Request() => Interlocked.Increment(ref requests);
    internal void Saw503() => Interlocked.Increment(ref retried503);
    internal void SawTransportError() => Interlocked.Increment(ref transportErrors);
}

/// <summary>
/// The HTTP API as a web tag uses it: a request that fails with 503 or a broken connection is
/// sent again, unchanged (same event ids), through the next gateway, until it succeeds.
/// </summary>
public sealed class TargetingApi(IReadOnlyList<Uri> gateways, ClientStats stats) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public ClientStats Stats => stats;

    /// <summary>Sends until a 2xx answer; the result is the parsed body and the attempts it took. Null when given up.</summary>
    public async Task<(JsonNode? Body, int Attempts)> SendAsync(
        HttpMethod method, string path, JsonNode? body, string? key, int gateway, CancellationToken cancel, int maxAttempts = 400,
        HttpStatusCode? expectedFailure = null)
    {
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var uri = new Uri(gateways[(gateway + attempt - 1) % gateways.Count], path);
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null)
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            if (key is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            stats.Request();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(RequestTimeout);
            try
            {
                using var response = await http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode)
                    return (text.Length == 0 ? null : JsonNode.Parse(text), attempt);
                if (response.StatusCode == expectedFailure)
                    return (null, attempt);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    stats.Unexpected.Enqueue($"{method} {path}: {(int)response.StatusCode} {text}");
                    return (null, attempt);
                }
                stats.Saw503();
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                stats.SawTransportError();
            }
            await Task.Delay(RetryDelay, CancellationToken.None);
        }
        stats.Unexpected.Enqueue($"{method} {path}: gave up after {maxAttempts} attempts");
        return (null, maxAttempts);
    }

    /// <summary>
    /// Creates an account and returns its id and admin key. Only the creating answer carries the key, so
    /// when an attempt's answer was lost (a timeout, or a 503 after the write landed) and a retry meets
    /// 409, the account is created again under a new id, as a client in that position would.
    /// </summary>
    public async Task<(string Id, string AdminKey)> CreateAccountAsync(string operatorKey, string id)
    {
        for (var round = 0; round < 3; round++)
        {
            var candidate = round == 0 ? id : $"{id}-{round}";
            var (body, attempts) = await SendAsync(HttpMethod.Post, "/v1/accounts",
                new JsonObject { ["id"] = candidate, ["name"] = candidate }, operatorKey, 0, CancellationToken.None, expectedFailure: HttpStatusCode.Conflict);
            if (body?["adminKey"]?.GetValue<string>() is { } adminKey) return (candidate, adminKey);
            if (attempts == 1) break; // a conflict at the first attempt: the id was taken before
        }
        throw new InvalidOperationException($"could not create account '{id}': {string.Join('\n', stats.Unexpected)}");
    }

    public async Task PutAsync(string accountId, string adminKey, string collection, string id, JsonNode definition)
    {
        var (body, _) = await SendAsync(HttpMethod.Put, $"/v1/accounts/{accountId}/{collection}/{id}", definition, adminKey, 0, CancellationToken.None);
        if (body is null)
            throw new InvalidOperationException($"PUT {collection}/{id} failed: {string.Join('\n', stats.Unexpected)}");
    }

    public async Task<string> StartSessionAsync(string accountId, int gateway, CancellationToken cancel = default)
    {
        var (body, _) = await SendAsync(HttpMethod.Post, $"/v1/accounts/{accountId}/sessions",
            new JsonObject { ["source"] = "web" }, null, gateway, cancel);
        return body?["sessionId"]?.GetValue<string>() ?? throw new InvalidOperationException(string.Join('\n', stats.Unexpected));
    }

    public Task<(JsonNode? Body, int Attempts)> SendEventsAsync(string accountId, string sessionId, JsonArray events, int gateway, CancellationToken cancel) =>
        SendAsync(HttpMethod.Post, $"/v1/accounts/{accountId}/sessions/{sessionId}/events", new JsonObject { ["events"] = events }, null, gateway, cancel);

    public async Task<JsonNode> DecisionAsync(string accountId, string sessionId) =>
        (await SendAsync(HttpMethod.Get, $"/v1/accounts/{accountId}/sessions/{sessionId}/decision", null, null, 0, CancellationToken.None)).Body
        ?? throw new InvalidOperationException(string.Join('\n', stats.Unexpected));

    public async Task<JsonNode> ExplanationAsync(string accountId, string adminKey, string sessionId) =>
        (await SendAsync(HttpMethod.Get, $"/v1/accounts/{accountId}/sessions/{sessionId}/explanation", null, adminKey, 0, CancellationToken.None)).Body
        ?? throw new InvalidOperationException(string.Join('\n', stats.Unexpected));

    public void Dispose() => http.Dispose();
}
