using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Targeting.BrowserTests;

/// <summary>The demo shop the gateway serves at /demo/, with the demo account seeded at start-up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoShopTests(BrowserSuite suite)
{
    [Fact]
    public async Task The_demo_shows_backflow_help_on_cart_checkout_cart()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync(new Uri(suite.Gateway.Address, "/demo/").ToString());
        await page.Locator("[data-add='orbit-watch']").ClickAsync();
        await page.Locator("#cart-link").ClickAsync();
        await Expect(page.Locator("#cart-total")).ToContainTextAsync("249.00");
        await page.SettledAsync();
        await page.Locator("#to-checkout").ClickAsync();
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("checkout", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await page.SettledAsync();
        await Expect(page.Engagement("backflow-help")).ToHaveCountAsync(0);

        await page.GoBackAsync();

        await Expect(page.Engagement("backflow-help")).ToBeVisibleAsync();
        await Expect(page.Engagement("free-shipping")).ToBeVisibleAsync(); // 249 is within the 150..400 offer
    }

    [Fact]
    public async Task The_demo_makes_an_exit_intent_offer()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync(new Uri(suite.Gateway.Address, "/demo/products/halo-lamp").ToString());
        await Expect(page).ToHaveTitleAsync("Halo Desk Lamp \u2014 Demo Shop");
        await page.Mouse.MoveAsync(600, 400);
        await page.SettledAsync();

        await page.Mouse.MoveAsync(600, 5);
        await page.Mouse.MoveAsync(600, -20);

        await Expect(page.Engagement("stay-offer")).ToBeVisibleAsync();
        await page.Engagement("stay-offer").Locator("[data-targeting-action='decline']").ClickAsync();
        await Expect(page.Engagement("stay-offer")).ToHaveCountAsync(0);
    }
}
