using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Targeting.Gateway.Demo;

namespace Targeting.BrowserTests;

/// <summary>The demo account the embedded gateway seeds at start-up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoSeedingTests(BrowserSuite suite)
{
    [Fact]
    public async Task Seeding_again_keeps_the_library_and_prints_a_working_admin_key()
    {
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(suite.Gateway.Services);

        var adminKey = await seeder.SeedAsync();
        var again = await seeder.SeedAsync();

        Assert.NotEqual(adminKey, again); // the old key is only stored as a hash: a restart prints a fresh one
        using var http = new HttpClient { BaseAddress = suite.Gateway.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", again);
        var campaigns = await http.GetFromJsonAsync<JsonObject>("/v1/accounts/demo/campaigns");
        Assert.Equal(
            ["cart-offer", "checkout-rescue", "exit-offer", "product-help"],
            campaigns!["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.All(campaigns["items"]!.AsArray(), c => Assert.Equal(1, c!["version"]!.GetValue<int>()));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/v1/accounts/demo/campaigns")).StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void The_demo_can_be_switched_off_by_configuration(string? enabled, bool seeded)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(enabled is null ? [] : [new("Targeting:Demo:Enabled", enabled)])
            .Build();

        var services = new ServiceCollection().AddDemoSeeder(configuration);

        Assert.Equal(seeded, services.Any(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(DemoSeeder)));
    }
}
