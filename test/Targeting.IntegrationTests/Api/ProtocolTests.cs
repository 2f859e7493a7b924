using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Targeting.IntegrationTests.Infrastructure;

namespace Targeting.IntegrationTests.Api;

[Collection(GatewayCollection.Name)]
public sealed class ProtocolTests(GatewayFixture fixture)
{
    private TargetingClient Api => fixture.Api;

    [Fact]
    public async Task Unknown_routes_are_404_problem_details()
    {
        await (await Api.Http.GetAsync("/v2/anything")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_405_problem_details()
    {
        await (await Api.Http.DeleteAsync("/health")).ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_problem_details()
    {
        var account = await Api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        var response = await Api.Http.PostAsync(session.Path + "/events", new StringContent("events", Encoding.UTF8, "text/plain"));
        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Truncated_json_is_400_problem_details()
    {
        var response = await Api.Http.PostAsync("/v1/accounts", new StringContent("{\"id\": ", Encoding.UTF8, "application/json"));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Health_is_200_when_the_cluster_answers()
    {
        var response = await Api.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_path_of_the_contract()
    {
        var response = await Api.Http.GetAsync("/openapi/v1.json");
        var document = await response.ReadJsonAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        string[] expected =
        [
            "/v1/accounts", "/v1/accounts/{accountId}/admin-keys",
            "/v1/accounts/{accountId}/entry-points", "/v1/accounts/{accountId}/entry-points/{id}",
            "/v1/accounts/{accountId}/flows", "/v1/accounts/{accountId}/flows/{id}",
            "/v1/accounts/{accountId}/behaviors", "/v1/accounts/{accountId}/behaviors/{id}",
            "/v1/accounts/{accountId}/campaigns", "/v1/accounts/{accountId}/campaigns/{id}",
            "/v1/accounts/{accountId}/sessions", "/v1/accounts/{accountId}/sessions/{sessionId}/events",
            "/v1/accounts/{accountId}/sessions/{sessionId}/decision", "/v1/accounts/{accountId}/sessions/{sessionId}/decisions",
            "/v1/accounts/{accountId}/sessions/{sessionId}/explanation", "/health",
        ];
        foreach (var path in expected) Assert.Contains(path, paths);
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        var response = await Api.Http.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
    }
}
