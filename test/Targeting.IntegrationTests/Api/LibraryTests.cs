using System.Net;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

[Collection(GatewayCollection.Name)]
public sealed class LibraryTests(GatewayFixture fixture)
{
    private TargetingClient Api => fixture.Api;

    public static TheoryData<string, object> Objects => new()
    {
        { "entry-points", new { name = "Checkout pages", matchers = new[] { Url("contains", "/checkout"), Section("checkout") } } },
        { "flows", new { name = "Checkout", steps = new[] { Step(Url("contains", "/cart")), Step(Url("contains", "/checkout")) } } },
        { "behaviors", new { name = "Errors", match = "any", conditions = new object[] { new { type = "visitorError", mode = "include", code = "E42" } } } },
        { "campaigns", new { name = "Rescue", status = "draft", priority = 3, engagements = new[] { Web("help", null) } } },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public async Task Put_creates_with_201_then_replaces_with_200_and_the_version_grows(string collection, object body)
    {
        var account = await Api.CreateAccountAsync();
        var created = await account.PutAsync(collection, "thing", body);
        var first = await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("thing", first["id"]!.GetValue<string>());
        Assert.Equal(1, first["version"]!.GetValue<int>());
        Assert.NotNull(first["name"]);

        var replaced = await account.PutAsync(collection, "thing", body);
        var second = await replaced.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, second["version"]!.GetValue<int>());

        var one = await Api.SendAsync(HttpMethod.Get, $"/v1/accounts/{account.Id}/{collection}/thing", key: account.AdminKey);
        var read = await one.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, read["version"]!.GetValue<int>());
        Assert.Equal(second.ToJsonString(), read.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public async Task Get_all_answers_items_ordered_by_id_and_delete_answers_204(string collection, object body)
    {
        var account = await Api.CreateAccountAsync();
        foreach (var id in new[] { "b", "c", "a" }) await account.PutOkAsync(collection, id, body);

        var all = await Api.SendAsync(HttpMethod.Get, $"/v1/accounts/{account.Id}/{collection}", key: account.AdminKey);
        var items = (await all.ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(["a", "b", "c"], items.Select(i => i!["id"]!.GetValue<string>()));

        var deleted = await Api.SendAsync(HttpMethod.Delete, $"/v1/accounts/{account.Id}/{collection}/b", key: account.AdminKey);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var gone = await Api.SendAsync(HttpMethod.Get, $"/v1/accounts/{account.Id}/{collection}/b", key: account.AdminKey);
        await gone.ReadProblemAsync(HttpStatusCode.NotFound);
        var again = await Api.SendAsync(HttpMethod.Delete, $"/v1/accounts/{account.Id}/{collection}/b", key: account.AdminKey);
        await again.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_something_still_referenced_is_409_with_the_referencing_ids()
    {
        var account = await Api.CreateAccountAsync();
        await account.DwellOfferAsync(30);

        var entryPoint = await Api.SendAsync(HttpMethod.Delete, $"/v1/accounts/{account.Id}/entry-points/pdp", key: account.AdminKey);
        var problem = await entryPoint.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("dwell", problem.ToJsonString());
        var behavior = await Api.SendAsync(HttpMethod.Delete, $"/v1/accounts/{account.Id}/behaviors/dwell", key: account.AdminKey);
        Assert.Contains("promo", (await behavior.ReadProblemAsync(HttpStatusCode.Conflict)).ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/accounts/{account.Id}/campaigns/promo", key: account.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/accounts/{account.Id}/behaviors/dwell", key: account.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/accounts/{account.Id}/entry-points/pdp", key: account.AdminKey)).StatusCode);
    }

    [Theory]
    [InlineData("entry-points", "Bad_Id")]
    [InlineData("flows", "-flow")]
    [InlineData("behaviors", "b.c")]
    [InlineData("campaigns", "UPPER")]
    public async Task An_object_id_outside_the_identifier_pattern_is_400(string collection, string id)
    {
        var account = await Api.CreateAccountAsync();
        var response = await account.PutAsync(collection, id, new { name = "x" });
        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var get = await Api.SendAsync(HttpMethod.Get, $"/v1/accounts/{account.Id}/{collection}/{id}", key: account.AdminKey);
        await get.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_condition_type_is_400_naming_the_condition()
    {
        var account = await Api.CreateAccountAsync();
        var response = await account.PutAsync("behaviors", "b", new { name = "b", conditions = new object[] { new { type = "moonPhase" } } });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorPaths(), p => p.StartsWith("conditions[0]"));
    }

    [Fact]
    public async Task Min_above_max_is_400_with_the_path_of_the_field()
    {
        var account = await Api.CreateAccountAsync();
        var response = await account.PutAsync("behaviors", "b", new
        {
            name = "b",
            conditions = new object[]
            {
                new { type = "aboutToAbandon" },
                new { type = "cartValue", @operator = "between", min = 100, max = 50 },
            },
        });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorPaths(), p => p.StartsWith("conditions[1]"));
    }

    [Fact]
    public async Task A_reference_to_an_unknown_flow_is_400()
    {
        var account = await Api.CreateAccountAsync();
        var response = await account.PutAsync("behaviors", "b", new { name = "b", conditions = new object[] { new { type = "flow", flowId = "nope", trigger = "abandoned" } } });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorPaths(), p => p.StartsWith("conditions[0]"));
    }

    [Fact]
    public async Task A_regex_that_does_not_compile_is_400()
    {
        var account = await Api.CreateAccountAsync();
        var response = await account.PutAsync("entry-points", "e", new { name = "e", matchers = new[] { Url("regex", "([unclosed") } });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorPaths(), p => p.StartsWith("matchers[0]"));
    }

    [Fact]
    public async Task A_mobile_engagement_on_a_web_only_condition_is_422_naming_the_condition()
    {
        var account = await Api.CreateAccountAsync();
        await account.BehaviorAsync("leaving", new { type = "aboutToAbandon" });
        var response = await account.PutAsync("campaigns", "app", new { name = "app", status = "published", priority = 1, engagements = new[] { Mobile("chat", "leaving") } });
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("aboutToAbandon", problem.ToJsonString());
    }

    [Fact]
    public async Task Editing_a_behavior_so_that_a_published_mobile_engagement_breaks_is_422()
    {
        var account = await Api.CreateAccountAsync();
        await account.BehaviorAsync("errors", new { type = "visitorError", mode = "include", code = "E1" });
        await account.CampaignAsync("app", Mobile("chat", "errors"));
        var response = await account.PutAsync("behaviors", "errors", new { name = "errors", conditions = new object[] { new { type = "aboutToAbandon" } } });
        await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var unchanged = await Api.SendAsync(HttpMethod.Get, $"/v1/accounts/{account.Id}/behaviors/errors", key: account.AdminKey);
        Assert.Equal(1, (await unchanged.ReadJsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_malformed_body_is_400_with_the_json_path_of_the_fault()
    {
        var account = await Api.CreateAccountAsync();
        var wrongEnum = await account.PutAsync("campaigns", "c", new { name = "c", status = "live", priority = 1, engagements = Array.Empty<object>() });
        Assert.Contains("status", (await wrongEnum.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorPaths());
        var numberForEnum = await account.PutAsync("behaviors", "b", new { name = "b", match = 1, conditions = new object[] { new { type = "aboutToAbandon" } } });
        Assert.Contains("match", (await numberForEnum.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorPaths());
        var missingType = await account.PutAsync("behaviors", "b", new { name = "b", conditions = new object[] { new { seconds = 3 } } });
        Assert.Contains("conditions[0]", (await missingType.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorPaths());

        using var broken = new HttpRequestMessage(HttpMethod.Put, $"/v1/accounts/{account.Id}/flows/f")
        {
            Content = new StringContent("{\"name\": \"f\", \"steps\": [", System.Text.Encoding.UTF8, "application/json"),
        };
        broken.Headers.Authorization = new("Bearer", account.AdminKey);
        await (await Api.Http.SendAsync(broken)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
