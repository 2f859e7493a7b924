using System.Net;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

[Collection(GatewayCollection.Name)]
public sealed class SessionsTests(GatewayFixture fixture)
{
    private TargetingClient Api => fixture.Api;

    [Fact]
    public async Task Starting_a_session_answers_201_with_a_url_safe_128_bit_id_and_the_first_decision()
    {
        var account = await Api.CreateAccountAsync();
        await account.CampaignAsync("welcome", Web("hello", null));
        var response = await Api.SendAsync(HttpMethod.Post, $"/v1/accounts/{account.Id}/sessions", new { source = "web" });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = body["sessionId"]!.GetValue<string>();
        Assert.Matches("^[A-Za-z0-9_-]{22,}$", id);
        Assert.Equal(id, body["decision"]!["sessionId"]!.GetValue<string>());
        Assert.Equal("hello", body["decision"]!["engagements"]![0]!["engagementId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Starting_a_session_of_an_unknown_account_is_404()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/v1/accounts/nobody-here/sessions", new { source = "web" });
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_missing_or_unknown_source_is_400()
    {
        var account = await Api.CreateAccountAsync();
        var missing = await Api.SendAsync(HttpMethod.Post, $"/v1/accounts/{account.Id}/sessions", new { });
        Assert.Contains("source", (await missing.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorPaths());
        var unknown = await Api.SendAsync(HttpMethod.Post, $"/v1/accounts/{account.Id}/sessions", new { source = "tablet" });
        Assert.Contains("source", (await unknown.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorPaths());
    }

    [Fact]
    public async Task Events_answer_the_decision_after_the_last_event_and_the_decision_endpoint_agrees()
    {
        var account = await Api.CreateAccountAsync();
        await account.EntryPointAsync("cart", Url("contains", "/cart"));
        await account.CampaignAsync("cart-help", Web("chat", null, ["cart"]));
        var session = await account.StartSessionAsync();

        var decision = await session.SendAsync(Page("/home"), Page("/cart"));
        Assert.True(decision.Offers("chat"));
        Assert.Equal(session.Id, decision.SessionId);
        Assert.Equal(decision, await session.CurrentAsync(), DecisionComparer.Instance);
    }

    [Fact]
    public async Task Unknown_sessions_and_another_accounts_sessions_are_404()
    {
        var mine = await Api.CreateAccountAsync();
        var other = await Api.CreateAccountAsync();
        var session = await mine.StartSessionAsync();
        foreach (var path in new[]
        {
            $"/v1/accounts/{other.Id}/sessions/{session.Id}",
            $"/v1/accounts/{mine.Id}/sessions/AAAAAAAAAAAAAAAAAAAAAA",
            $"/v1/accounts/{mine.Id}/sessions/not-an-id",
        })
        {
            await (await Api.Http.GetAsync(path + "/decision")).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await Api.SendAsync(HttpMethod.Post, path + "/events", new { events = new[] { Page("/x") } })).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await Api.Http.GetAsync(path + "/decisions")).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await Api.SendAsync(HttpMethod.Get, path + "/explanation", key: mine.AdminKey)).ReadProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_malformed_event_is_400_and_none_of_the_batch_is_applied()
    {
        var account = await Api.CreateAccountAsync();
        await account.EntryPointAsync("cart", Url("contains", "/cart"));
        await account.CampaignAsync("cart-help", Web("chat", null, ["cart"]));
        var session = await account.StartSessionAsync();

        var wrongType = await session.PostEventsAsync(Page("/cart"), new { type = "pageView", url = 42 });
        Assert.Contains("events[1].url", (await wrongType.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorPaths());
        var unknownType = await session.PostEventsAsync(Page("/cart"), new { type = "teleport" });
        Assert.Contains(await unknownType.ReadProblemAsync(HttpStatusCode.BadRequest) is { } p ? p.ErrorPaths() : [], path => path.StartsWith("events[1]"));
        var invalid = await session.PostEventsAsync(Page("/cart"), Cart(-5));
        Assert.Contains((await invalid.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorPaths(), path => path.StartsWith("events[1]"));

        var decision = await session.CurrentAsync();
        Assert.False(decision.Offers("chat"));
        Assert.Equal(0, decision.Revision);
    }

    [Fact]
    public async Task An_empty_or_oversized_batch_is_400()
    {
        var account = await Api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        await (await session.PostEventsAsync()).ReadProblemAsync(HttpStatusCode.BadRequest);
        var tooMany = Enumerable.Range(0, 101).Select(i => Page("/p" + i)).ToArray();
        await (await session.PostEventsAsync(tooMany)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_event_whose_id_was_applied_before_is_skipped()
    {
        var account = await Api.CreateAccountAsync();
        await account.BehaviorAsync("twice", new { type = "visitorError", mode = "include", message = "Card declined", instance = 2 });
        await account.CampaignAsync("support", Web("chat", "twice"));
        var session = await account.StartSessionAsync();

        var error = new { type = "visitorError", id = "err-1", message = "Card declined" };
        await session.SendAsync(error);
        var retried = await session.SendAsync(error);
        Assert.False(retried.Offers("chat"));
        var second = await session.SendAsync(new { type = "visitorError", id = "err-2", message = "Card declined" });
        Assert.True(second.Offers("chat"));
    }

    [Fact]
    public async Task The_explanation_needs_the_admin_key_and_lists_every_published_engagement_of_the_source()
    {
        var account = await Api.CreateAccountAsync();
        await account.DwellOfferAsync(300, Mobile("app-chat", null));
        var session = await account.StartSessionAsync();
        await session.SendAsync(Page("/product/1"));

        await (await Api.Http.GetAsync(session.Path + "/explanation")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var explanation = await session.ExplainAsync(account.AdminKey);
        Assert.Equal(session.Id, explanation["sessionId"]!.GetValue<string>());
        Assert.True(explanation["ruleSetVersion"]!.GetValue<long>() > 0);
        var engagement = Assert.Single(explanation["engagements"]!.AsArray());
        Assert.Equal("offer", engagement!["engagementId"]!.GetValue<string>());
        Assert.False(engagement["eligible"]!.GetValue<bool>());
        Assert.Equal("behavior", engagement["blockedBy"]![0]!.GetValue<string>());
        var condition = engagement["conditions"]![0]!;
        Assert.Equal("pending", condition["state"]!.GetValue<string>());
        Assert.InRange(condition["pendingSeconds"]!.GetValue<int>(), 290, 300);
    }

    [Fact]
    public async Task Visitor_endpoints_answer_cors_preflight_for_any_origin_without_credentials()
    {
        var account = await Api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, session.Path + "/events");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        var response = await Api.Http.SendAsync(preflight);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));

        using var start = new HttpRequestMessage(HttpMethod.Post, $"/v1/accounts/{account.Id}/sessions")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { source = "web" }),
        };
        start.Headers.Add("Origin", "https://another.example");
        var started = await Api.Http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("*", started.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

public sealed class DecisionComparer : IEqualityComparer<DecisionDto>
{
    public static readonly DecisionComparer Instance = new();

    public bool Equals(DecisionDto? x, DecisionDto? y) =>
        x is not null && y is not null && x.SessionId == y.SessionId && x.Revision == y.Revision && x.Engagements.SequenceEqual(y.Engagements);

    public int GetHashCode(DecisionDto obj) => obj.Revision.GetHashCode();
}
