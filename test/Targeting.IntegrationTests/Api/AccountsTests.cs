using System.Net;
using Targeting.IntegrationTests.Infrastructure;

namespace Targeting.IntegrationTests.Api;

[Collection(GatewayCollection.Name)]
public sealed class AccountsTests(GatewayFixture fixture)
{
    private TargetingClient Api => fixture.Api;

    [Fact]
    public async Task Creating_an_account_answers_201_with_a_long_random_admin_key()
    {
        var id = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var response = await Api.SendAsync(HttpMethod.Post, "/v1/accounts", new { id, name = "Acme Shop" }, GatewayFactory.OperatorKey);
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal("Acme Shop", body["name"]!.GetValue<string>());
        var secret = body["adminKey"]!.GetValue<string>().Split('.')[1];
        Assert.True(secret.Length >= 22, "at least 128 bits");
    }

    [Fact]
    public async Task Creating_an_account_needs_the_operator_key()
    {
        var missing = await Api.SendAsync(HttpMethod.Post, "/v1/accounts", new { id = "no-key", name = "x" });
        await missing.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var wrong = await Api.SendAsync(HttpMethod.Post, "/v1/accounts", new { id = "no-key", name = "x" }, "not-the-key");
        await wrong.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var admin = await Api.CreateAccountAsync();
        var adminKey = await Api.SendAsync(HttpMethod.Post, "/v1/accounts", new { id = "no-key", name = "x" }, admin.AdminKey);
        await adminKey.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_existing_account_id_is_409()
    {
        var account = await Api.CreateAccountAsync();
        var again = await Api.SendAsync(HttpMethod.Post, "/v1/accounts", new { id = account.Id, name = "again" }, GatewayFactory.OperatorKey);
        await again.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("-acme")]
    [InlineData("acme_shop")]
    [InlineData("")]
    public async Task An_account_id_outside_the_identifier_pattern_is_400(string id)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/v1/accounts", new { id, name = "x" }, GatewayFactory.OperatorKey);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("id", problem.ErrorPaths());
    }

    [Fact]
    public async Task Rotating_the_admin_key_stops_the_old_one_at_once()
    {
        var account = await Api.CreateAccountAsync();
        var old = account.AdminKey;
        var response = await Api.SendAsync(HttpMethod.Post, $"/v1/accounts/{account.Id}/admin-keys", key: old);
        var fresh = (await response.ReadJsonAsync(HttpStatusCode.Created))["adminKey"]!.GetValue<string>();
        Assert.NotEqual(old, fresh);

        var withOld = await Api.SendAsync(HttpMethod.Get, $"/v1/accounts/{account.Id}/flows", key: old);
        await withOld.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var withNew = await Api.SendAsync(HttpMethod.Get, $"/v1/accounts/{account.Id}/flows", key: fresh);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task Admin_endpoints_answer_401_without_or_with_a_wrong_key_and_404_for_another_accounts_key()
    {
        var mine = await Api.CreateAccountAsync();
        var other = await Api.CreateAccountAsync();
        var path = $"/v1/accounts/{mine.Id}/behaviors";

        var none = await Api.SendAsync(HttpMethod.Get, path);
        await none.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        await (await Api.SendAsync(HttpMethod.Get, path, key: mine.Id + ".forged")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await Api.SendAsync(HttpMethod.Get, path, key: "garbage")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await Api.SendAsync(HttpMethod.Get, path, key: other.AdminKey)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await Api.SendAsync(HttpMethod.Get, "/v1/accounts/no-such-account/behaviors", key: other.AdminKey)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await Api.SendAsync(HttpMethod.Post, $"/v1/accounts/{mine.Id}/admin-keys", key: other.AdminKey)).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
