using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Targeting.SessionScale;

/// <summary>
/// Issue 6 item 4, second half: process memory per idle SSE connection of the real gateway. M
/// sessions are started first (their grains live in the gateway's embedded silo); the gateway's
/// memory is read, M decision streams are opened (one per session) and left idle, and it is read
/// again: per connection = delta / M. A connection's share includes everything one stream holds:
/// Kestrel's connection, the request, the observer and its subscription inside the session grain.
/// </summary>
public static class SseRun
{
    public static async Task<double> RunAsync(int count, TimeSpan idle)
    {
        await using var gateway = await ChildGateway.StartAsync(new Dictionary<string, string>
        {
            // Bench traffic from one account would meet the per-account visitor limit (20,000/s): lift it.
            ["Targeting__RateLimits__Visitor__PermitLimit"] = "10000000",
        });
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            EnableMultipleHttp2Connections = true,
        })
        {
            BaseAddress = gateway.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        await SeedAsync(http);

        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var response = await http.PostAsync($"/v1/accounts/{SiloHost.AccountId}/sessions", Json(new { source = "web" }));
            var body = await Ok(response);
            ids[i] = JsonDocument.Parse(body).RootElement.GetProperty("sessionId").GetString()!;
        });
        var before = await SettledAsync(gateway);

        var streams = new List<(HttpResponseMessage Response, Stream Body)>(count);
        var cpu0 = gateway.CpuTime;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, _) =>
        {
            var stream = await OpenStreamAsync(http, id);
            lock (streams) streams.Add(stream);
        });
        var openCpu = gateway.CpuTime - cpu0;
        var after = await SettledAsync(gateway);
        var idleCpu0 = gateway.CpuTime;
        await Task.Delay(idle);
        var idleCpu = gateway.CpuTime - idleCpu0;

        Figures.Add("sse connections", streams.Count);
        Figures.Add("sse gateway rss MB before/after", $"{before.Rss / 1e6:F1} / {after.Rss / 1e6:F1}");
        Figures.Add("sse gateway rss-anon MB before/after", $"{before.Anon / 1e6:F1} / {after.Anon / 1e6:F1}");
        var perConnection = (after.Rss - before.Rss) / (double)count;
        Figures.Add("sse gateway rss bytes per idle connection", Math.Round(perConnection));
        Figures.Add("sse gateway rss-anon bytes per idle connection", Math.Round((after.Anon - before.Anon) / (double)count));
        Figures.Add("sse gateway cpu s opening the streams", Math.Round(openCpu.TotalSeconds, 2));
        Figures.Add($"sse gateway cpu cores busy with idle streams ({idle.TotalSeconds} s)", Math.Round(idleCpu.TotalSeconds / idle.TotalSeconds, 3));

        foreach (var (response, body) in streams)
        {
            body.Dispose();
            response.Dispose();
        }
        var closed = await SettledAsync(gateway);
        Figures.Add("sse gateway rss MB after closing", Math.Round(closed.Rss / 1e6, 1));
        return perConnection;
    }

    // Memory settles when the process stops growing (2 reads 1 s apart within 1 MB), at most 10 s.
    private static async Task<(long Rss, long Anon)> SettledAsync(ChildGateway gateway)
    {
        var last = Machine.StatusBytes(gateway.Pid, "VmRSS");
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = Machine.StatusBytes(gateway.Pid, "VmRSS");
            if (Math.Abs(now - last) < 1_000_000) break;
            last = now;
        }
        return (Machine.StatusBytes(gateway.Pid, "VmRSS"), Machine.StatusBytes(gateway.Pid, "RssAnon"));
    }

    // Opens the stream and reads its first event (the current decision), so the server side is fully set up.
    private static async Task<(HttpResponseMessage, Stream)> OpenStreamAsync(HttpClient http, string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/accounts/{SiloHost.AccountId}/sessions/{id}/decisions");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Stream: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\n\n", StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer);
            if (read == 0) throw new InvalidOperationException("Stream ended before its first decision");
            seen.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return (response, body);
    }

    private static async Task SeedAsync(HttpClient http)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/accounts") { Content = Json(new { id = SiloHost.AccountId, name = "Bench shop" }) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChildGateway.OperatorKey);
        var adminKey = JsonDocument.Parse(await Ok(await http.SendAsync(create))).RootElement.GetProperty("adminKey").GetString()!;

        async Task Put(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/accounts/{SiloHost.AccountId}/{path}") { Content = Json(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
            await Ok(await http.SendAsync(request));
        }

        await Put("entry-points/dwell", new { name = "Dwell page", matchers = new[] { new { kind = "url", @operator = "contains", value = "/dwell/" } } });
        await Put("behaviors/dwellers", new
        {
            name = "An hour on the dwell page",
            conditions = new object[] { new { type = "timeOnEntryPoint", entryPointIds = new[] { "dwell" }, seconds = 3_600 } },
        });
        await Put("campaigns/dwell", new
        {
            name = "Dwell",
            status = "published",
            priority = 1,
            engagements = new[] { new { id = "dwell-chat", name = "Still here?", source = "web", kind = "chatButton", behaviorId = "dwellers" } },
        });
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text;
    }
}
