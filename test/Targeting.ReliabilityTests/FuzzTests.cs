using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Targeting.ReliabilityTests.Infrastructure;
using Xunit.Abstractions;

namespace Targeting.ReliabilityTests;

/// <summary>
/// Malformed and mutated bodies to every endpoint that takes one, odd path and query values to
/// the others: never a 5xx, every error is problem+json, and an error leaves the state it touched
/// as it was (the library with its versions, the session's decision and explanation).
/// </summary>
[Collection(TwoTenantsCollection.Name)]
public sealed class FuzzTests(TwoTenants tenants, ITestOutputHelper output)
{
    private const int Seed = 20261204;
    private const int MutationsPerEndpoint = 200;

    private sealed record Target(string Name, HttpMethod Method, string Path, string? Key, object SeedBody, string[] Touches);

    [Fact]
    public async Task Mutated_bodies_never_fail_the_server_and_never_half_apply()
    {
        var victim = tenants.Victim;
        var session = await victim.StartSessionAsync();
        await session.SendOkAsync(new { type = "pageView", url = "https://shop.example/cart", id = "seed-1" });
        Target[] targets =
        [
            new("create account", HttpMethod.Post, "/v1/accounts", TestGateway.OperatorKey, new { id = victim.Id, name = "Taken id" }, [$"{victim.Path}/entry-points"]),
            .. TwoTenants.Library.Select(l => new Target("put " + l.Collection, HttpMethod.Put, $"{victim.Path}/{l.Collection}/{l.Id}", victim.AdminKey, l.Body,
                [$"{victim.Path}/{l.Collection}"])),
            new("start session", HttpMethod.Post, $"{victim.Path}/sessions", null, new { source = "web" }, [$"{session.Path}/decision"]),
            new("events", HttpMethod.Post, $"{session.Path}/events", null, new
            {
                events = new object[]
                {
                    new { type = "pageView", id = "e-1", url = "https://shop.example/checkout", title = "Checkout", sections = new[] { "checkout" } },
                    new { type = "cartUpdate", id = "e-2", total = 75.5, currency = "EUR", products = new[] { new { name = "Shoe", sku = "s-1", category = "shoes", price = 75.5, quantity = 1 } } },
                    new { type = "productView", products = new[] { new { name = "Hat", sku = "h-1", category = "hats", price = 10 } } },
                    new { type = "visitorError", message = "boom", code = "E1" },
                    new { type = "serviceActivity", topic = "returns", status = "inProgress" },
                    new { type = "engagementStatus", campaignId = "campaign-1", engagementId = "chat", status = "exposed" },
                    new { type = "aboutToAbandon" },
                },
            }, [$"{session.Path}/decision", $"{session.Path}/explanation"]),
        ];

        var mutator = new Mutator(Seed);
        var stopwatch = Stopwatch.StartNew();
        var (sent, errors, accepted) = (0, 0, 0);
        var byStatus = new SortedDictionary<int, int>();
        foreach (var target in targets)
        {
            var seed = JsonSerializer.Serialize(target.SeedBody, Api.Json);
            var before = await SnapshotAsync(target.Touches);
            for (var i = 0; i < MutationsPerEndpoint; i++)
            {
                var (kind, body) = mutator.Next(seed);
                var response = await tenants.Api.SendRawAsync(target.Method, target.Path, body, target.Key);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{target.Name} / {kind}: {Preview(body)} -> {status} {text}";
                sent++;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;

                Assert.True(status < 500, what);
                var after = await SnapshotAsync(target.Touches);
                if (status >= 400)
                {
                    errors++;
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", what);
                    Assert.Equal(status, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
                    Assert.True(before == after, "state changed after an error: " + what);
                }
                else
                {
                    accepted++; // a mutation that is still valid (an extra field, a shorter list) may change state, as it said it did
                }
                before = after;
            }
        }

        output.WriteLine($"{sent} mutated bodies in {stopwatch.Elapsed.TotalSeconds:F1} s: {errors} refused, {accepted} accepted; "
            + string.Join(", ", byStatus.Select(p => $"{p.Key}×{p.Value}")));
        Assert.True(sent >= 1000);
        Assert.True(errors > sent * 8 / 10, $"most mutations must be refused ({errors} of {sent})");
    }

    [Fact]
    public async Task Odd_path_and_query_values_never_fail_the_server()
    {
        var victim = tenants.Victim;
        // (A NUL in the path never reaches the app: Kestrel refuses it, and the in-memory test client cannot even send it.)
        string[] odd =
        [
            "A", "-x", "x_y", "..", "%2e%2e", "%2F", "a%2Fb", "%FF%FE", "%C3%28", "ü", new string('a', 65), new string('a', 5000),
            "%20", "null", "0", "-1", "9999999999999999999999", "{id}", "%7B%7D", "%E2%80%AE", "a.b", "con", "~",
            tenants.IntruderSession.Id, tenants.VictimSession.Id[..^1] + "A", new string('A', 32), new string('-', 32), new string('_', 22),
        ];
        string[] queries = ["", "?x=%FF", "?items=1&items=2", "?__proto__=1", "?" + new string('q', 3000), "?a=%01"];
        var templates = new List<(HttpMethod Method, string Path, string? Key)>();
        foreach (var (collection, id, _) in TwoTenants.Library)
        {
            templates.Add((HttpMethod.Get, $"/v1/accounts/{{a}}/{collection}", victim.AdminKey));
            templates.Add((HttpMethod.Get, $"/v1/accounts/{{a}}/{collection}/{{o}}", victim.AdminKey));
            templates.Add((HttpMethod.Delete, $"/v1/accounts/{{a}}/{collection}/{{o}}", victim.AdminKey));
        }
        templates.Add((HttpMethod.Get, "/v1/accounts/{a}/sessions/{o}/decision", null));
        templates.Add((HttpMethod.Get, "/v1/accounts/{a}/sessions/{o}/decisions", null));
        templates.Add((HttpMethod.Get, "/v1/accounts/{a}/sessions/{o}/explanation", victim.AdminKey));
        templates.Add((HttpMethod.Post, "/v1/accounts/{o}/sessions", null));

        var random = new Random(Seed);
        var before = await SnapshotAsync(tenants.VictimSession);
        var sent = 0;
        foreach (var (method, template, key) in templates)
        {
            foreach (var value in odd)
            {
                // Odd object/session ids under the real account, and odd account ids with a real-looking rest.
                var path = random.Next(3) == 0
                    ? template.Replace("{a}", value).Replace("{o}", "ep-1")
                    : template.Replace("{a}", victim.Id).Replace("{o}", value);
                path += queries[random.Next(queries.Length)];
                var body = method == HttpMethod.Post ? "{\"source\":\"web\"}"u8.ToArray() : null;
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var request = new HttpRequestMessage(method, path);
                if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };
                if (key is not null) request.Headers.Authorization = new("Bearer", key);
                using var response = await tenants.Api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
                var status = (int)response.StatusCode;
                sent++;
                Assert.True(status < 500, $"{method} {path} -> {status}");
                if (status >= 400)
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {path} -> {status} {response.Content.Headers.ContentType}");
            }
        }
        output.WriteLine($"{sent} odd paths");
        Assert.Equal(before, await SnapshotAsync(tenants.VictimSession));
    }

    private static string Preview(byte[] body) =>
        body.Length <= 300 ? System.Text.Encoding.UTF8.GetString(body) : System.Text.Encoding.UTF8.GetString(body, 0, 300) + $"… ({body.Length} bytes)";

    // What a target touches, read with the victim's key: the library collection, or the session's decision and explanation.
    private async Task<string> SnapshotAsync(string[] paths)
    {
        var parts = new List<string>();
        foreach (var path in paths)
        {
            var response = await tenants.Api.SendAsync(HttpMethod.Get, path, key: tenants.Victim.AdminKey);
            parts.Add((int)response.StatusCode + " " + await response.Content.ReadAsStringAsync());
        }
        return string.Join("\n", parts);
    }

    private async Task<string> SnapshotAsync(Session session)
    {
        var victim = tenants.Victim;
        var parts = new List<string>();
        foreach (var (collection, _, _) in TwoTenants.Library)
            parts.Add(await (await tenants.Api.SendAsync(HttpMethod.Get, $"{victim.Path}/{collection}", key: victim.AdminKey)).Content.ReadAsStringAsync());
        parts.Add((await session.DecisionAsync()).ToJsonString());
        parts.Add((await session.ExplainAsync()).ToJsonString());
        return string.Join("\n", parts);
    }
}
