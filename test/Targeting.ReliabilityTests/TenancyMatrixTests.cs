using System.Net;
using System.Text.Json.Nodes;
using Targeting.ReliabilityTests.Infrastructure;

namespace Targeting.ReliabilityTests;

/// <summary>
/// Every endpoint with every wrong credential: another account's admin key (404: do not reveal
/// that the account exists), no key, a wrong key, a garbage key, the operator key where an admin
/// key is needed (401), another account's session id (404) — and nothing of the victim changes.
/// </summary>
[Collection(TwoTenantsCollection.Name)]
public sealed class TenancyMatrixTests(TwoTenants tenants)
{
    public enum Credential { IntruderAdminKey, NoKey, WrongSecret, GarbageKey, OperatorKey, VictimAdminKey }

    // {a}: the victim's account; {s}: the victim's session; {x}: the intruder's session.
    private static readonly (string Method, string Path, bool Body)[] AdminEndpoints =
    [
        .. TwoTenants.Library.SelectMany(l => new[]
        {
            ("GET", $"/v1/accounts/{{a}}/{l.Collection}", false),
            ("GET", $"/v1/accounts/{{a}}/{l.Collection}/{l.Id}", false),
            ("PUT", $"/v1/accounts/{{a}}/{l.Collection}/{l.Id}", true),
            ("DELETE", $"/v1/accounts/{{a}}/{l.Collection}/{l.Id}", false),
        }),
        ("POST", "/v1/accounts/{a}/admin-keys", false),
        ("GET", "/v1/accounts/{a}/sessions/{s}/explanation", false),
    ];

    private static readonly (string Method, string Path, bool Body)[] VisitorEndpoints =
    [
        ("POST", "/v1/accounts/{a}/sessions/{x}/events", true),
        ("GET", "/v1/accounts/{a}/sessions/{x}/decision", false),
        ("GET", "/v1/accounts/{a}/sessions/{x}/decisions", false),
    ];

    public static TheoryData<string, string, Credential, int> Cases()
    {
        var data = new TheoryData<string, string, Credential, int>();
        foreach (var (method, path, _) in AdminEndpoints)
        {
            data.Add(method, path, Credential.IntruderAdminKey, 404);
            data.Add(method, path, Credential.NoKey, 401);
            data.Add(method, path, Credential.WrongSecret, 401);
            data.Add(method, path, Credential.GarbageKey, 401);
            data.Add(method, path, Credential.OperatorKey, 401);
        }
        // The victim's own key, but the intruder's session under the victim's path.
        data.Add("GET", "/v1/accounts/{a}/sessions/{x}/explanation", Credential.VictimAdminKey, 404);
        // Visitor endpoints: another account's session id is no capability here.
        foreach (var (method, path, _) in VisitorEndpoints) data.Add(method, path, Credential.NoKey, 404);
        // Creating accounts is the operator's only.
        data.Add("POST", "/v1/accounts", Credential.VictimAdminKey, 401);
        data.Add("POST", "/v1/accounts", Credential.NoKey, 401);
        data.Add("POST", "/v1/accounts", Credential.WrongSecret, 401);
        data.Add("POST", "/v1/accounts", Credential.GarbageKey, 401);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refused_as_the_contract_says(string method, string template, Credential credential, int expected)
    {
        var before = await VictimSnapshotAsync();
        var path = template.Replace("{a}", tenants.Victim.Id).Replace("{s}", tenants.VictimSession.Id).Replace("{x}", tenants.IntruderSession.Id);
        var body = BodyFor(method, template);
        var response = await tenants.Api.SendAsync(new HttpMethod(method), path, body, KeyFor(credential));

        var problem = await response.ReadProblemAsync((HttpStatusCode)expected);
        if (expected == 401) Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain(tenants.Intruder.AdminKey, problem.ToJsonString());
        Assert.Equal(before, await VictimSnapshotAsync());
    }

    [Fact]
    public async Task Every_endpoint_of_the_contract_is_in_the_matrix()
    {
        var document = JsonNode.Parse(await tenants.Api.Http.GetStringAsync("/openapi/v1.json"))!;
        var covered = AdminEndpoints.Concat(VisitorEndpoints).Select(e => (e.Method, Normalize(e.Path)))
            .Append(("POST", "/v1/accounts"))
            .ToHashSet();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/v1/", StringComparison.Ordinal)) continue;
            foreach (var (method, _) in item!.AsObject())
            {
                var operation = (method.ToUpperInvariant(), Normalize(path));
                // Starting a session needs no credential: the account id is public (it is in the web tag).
                if (operation == ("POST", "/v1/accounts/{}/sessions")) continue;
                Assert.Contains(operation, covered);
            }
        }
    }

    private static string Normalize(string path) =>
        System.Text.RegularExpressions.Regex.Replace(
            path.Replace("{a}", "{}").Replace("{s}", "{}").Replace("{x}", "{}"),
            @"/(ep-1|flow-1|behavior-1|campaign-1)$", "/{}").Replace("{accountId}", "{}").Replace("{sessionId}", "{}").Replace("{id}", "{}");

    private string? KeyFor(Credential credential) => credential switch
    {
        Credential.IntruderAdminKey => tenants.Intruder.AdminKey,
        Credential.NoKey => null,
        Credential.WrongSecret => tenants.Victim.Id + "." + new string('A', 43),
        Credential.GarbageKey => "not-a-key",
        Credential.OperatorKey => TestGateway.OperatorKey,
        _ => tenants.Victim.AdminKey,
    };

    private static object? BodyFor(string method, string template)
    {
        if (template.EndsWith("/events", StringComparison.Ordinal)) return new { events = new[] { new { type = "aboutToAbandon" } } };
        if (template == "/v1/accounts") return new { id = "stolen", name = "Stolen" };
        if (method != "PUT") return null;
        return TwoTenants.Library.First(l => template.Contains("/" + l.Collection + "/", StringComparison.Ordinal)).Body;
    }

    // Everything an intruder could change: the library (with versions), the victim's key and session.
    private async Task<string> VictimSnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var (collection, _, _) in TwoTenants.Library)
        {
            var response = await tenants.Api.SendAsync(HttpMethod.Get, $"{tenants.Victim.Path}/{collection}", key: tenants.Victim.AdminKey);
            parts.Add(((int)response.StatusCode) + await response.Content.ReadAsStringAsync());
        }
        parts.Add((await tenants.VictimSession.DecisionAsync()).ToJsonString());
        parts.Add((await tenants.IntruderSession.DecisionAsync()).ToJsonString());
        return string.Join("\n", parts);
    }
}
