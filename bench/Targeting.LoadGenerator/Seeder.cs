using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Targeting.LoadGenerator;

/// <summary>
/// Seeds one account through the admin API, as an operator would: 10 section entry points, product
/// pages, a checkout flow, and 24 published engagements over cart, flow, product, dwell and
/// service-activity behaviors, so each event type the journey sends can change some condition.
/// </summary>
public static class Seeder
{
    public const string AccountId = "bench";
    public const int Sections = 10;

    public static async Task SeedAsync(HttpClient http, string operatorKey)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/accounts")
        {
            Content = Json(new { id = AccountId, name = "Bench shop" }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);
        var created = await Ok(await http.SendAsync(create));
        var adminKey = JsonDocument.Parse(created).RootElement.GetProperty("adminKey").GetString()!;

        async Task Put(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/accounts/{AccountId}/{path}") { Content = Json(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
            await Ok(await http.SendAsync(request));
        }

        static object Url(string value) => new { kind = "url", @operator = "contains", value };

        for (var i = 0; i < Sections; i++)
            await Put($"entry-points/section-{i}", new { name = $"Section {i}", matchers = new[] { Url($"/section-{i}/") } });
        await Put("entry-points/product-pages", new { name = "Product pages", matchers = new[] { Url("/product/") } });
        await Put("flows/checkout", new
        {
            name = "Checkout",
            steps = new[] { "/cart", "/checkout", "/confirmation" }.Select(u => new { matcher = Url(u), required = true }),
        });

        await Put("behaviors/high-value-abandoners", new
        {
            name = "High-value cart abandoners",
            conditions = new object[]
            {
                new { type = "flow", flowId = "checkout", trigger = "abandoned" },
                new { type = "cartValue", @operator = "between", min = 50, max = 500 },
            },
        });
        await Put("behaviors/product-lovers", new
        {
            name = "Product lovers",
            conditions = new object[] { new { type = "timeOnEntryPoint", entryPointIds = new[] { "product-pages" }, seconds = 30 } },
        });
        await Put("behaviors/shoe-browsers", new
        {
            name = "Shoe browsers",
            conditions = new object[] { new { type = "viewedProduct", by = "category", values = new[] { "shoes" } } },
        });
        var engagements = new List<object>
        {
            new { id = "help-overlay", name = "Need help checking out?", source = "web", kind = "overlay", behaviorId = "high-value-abandoners" },
            new { id = "product-chat", name = "Questions about this product?", source = "web", kind = "chatButton", behaviorId = "product-lovers" },
            new { id = "shoe-content", name = "Our shoe guide", source = "web", kind = "content", behaviorId = "shoe-browsers" },
        };
        for (var i = 0; i < Sections * 2; i++)
        {
            var section = i % Sections;
            await Put($"behaviors/section-{i}", new
            {
                name = $"Section {section} visitors, cart over {20 * (i / Sections + 1)}",
                conditions = new object[]
                {
                    new { type = "visitedEntryPoint", entryPointIds = new[] { $"section-{section}" } },
                    new { type = "cartValue", @operator = "between", min = 20 * (i / Sections + 1), max = 1000 },
                },
            });
            engagements.Add(new { id = $"offer-{i}", name = $"Questions about section {section}?", source = "web", kind = "chatButton", behaviorId = $"section-{i}" });
        }
        await Put("campaigns/checkout-rescue", new { name = "Checkout rescue", status = "published", priority = 10, engagements = engagements.Take(3) });
        await Put("campaigns/section-offers", new { name = "Section offers", status = "published", priority = 5, engagements = engagements.Skip(3) });
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
