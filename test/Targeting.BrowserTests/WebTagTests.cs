using System.Text.Json.Nodes;
using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Targeting.BrowserTests;

/// <summary>The web tag in Chromium, on a website of another origin than the gateway (CORS on every call).</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebTagTests(BrowserSuite suite)
{
    [Fact]
    public async Task Dwell_engagement_appears_without_a_reload()
    {
        using var admin = await suite.NewAccountAsync("dwell");
        await admin.EntryPointAsync("product-pages", """{"name": "Product pages", "matchers": [{"kind": "section", "value": "product"}]}""");
        await admin.BehaviorAsync("lingers", """
            {"name": "2 s on product pages", "conditions": [{"type": "timeOnEntryPoint", "entryPointIds": ["product-pages"], "seconds": 2}]}
            """);
        await admin.EngagementAsync("dwell-chat", "chatButton", "lingers", "Questions about this product?");
        var page = await suite.NewPageAsync();

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(suite.ShopUrl(admin, "products/orbit-watch", sections: "product"));
        var marker = await page.EvaluateAsync<double>("window.pageMarker");
        await page.SettledAsync();
        await Expect(page.Engagement("dwell-chat")).ToHaveCountAsync(0);

        await Expect(page.Engagement("dwell-chat")).ToBeVisibleAsync(new() { Timeout = 8_000 });
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"appeared after {clock.Elapsed}, before the 2 s threshold");
        Assert.Equal(marker, await page.EvaluateAsync<double>("window.pageMarker")); // same page: pushed over SSE
        await Expect(page.Engagement("dwell-chat")).ToHaveAttributeAsync("data-targeting-campaign", "dwell-chat-campaign");
        await Expect(page.Engagement("dwell-chat").Locator("[data-targeting-action='click']")).ToContainTextAsync("Questions about this product?");
    }

    [Fact]
    public async Task Events_a_full_session_refuses_are_dropped_not_retried_for_ever()
    {
        using var admin = await suite.NewAccountAsync("full");
        await admin.BehaviorAsync("boom", """{"name": "Saw boom", "conditions": [{"type": "visitorError", "message": "boom"}]}""");
        await admin.EngagementAsync("boom-help", "chatButton", "boom", "Something went wrong?");
        var page = await suite.NewPageAsync();
        await page.GotoAsync(suite.ShopUrl(admin, "home"));
        var session = await page.SettledAsync();

        // Fill the session to near its storage budget (stored JSON escapes each 'é' as 6 bytes).
        static JsonArray Big(string batch, int count) => [.. Enumerable.Range(0, count).Select(i =>
            (JsonNode)new JsonObject { ["type"] = "visitorError", ["message"] = $"{batch}{i}" + new string('é', 2000) })];
        await admin.SendEventsAsync(session, Big("a", 20));
        await admin.SendEventsAsync(session, Big("b", 20));

        // The tag's batch (80 KB of UTF-8: too large for a keepalive fetch) no longer fits in the session (422):
        // it must send it without keepalive, isolate and drop what is refused, then go on.
        await page.EvaluateAsync("""
            () => { for (let i = 0; i < 20; i++) Targeting.push({ type: 'visitorError', message: 'c' + i + 'é'.repeat(2000) });
                    Targeting.push({ type: 'visitorError', message: 'boom' }); }
            """);

        await Expect(page.Engagement("boom-help")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForFunctionAsync("() => Targeting.pending() === 0");
    }

    [Fact]
    public async Task Cart_then_checkout_then_cart_shows_backflow_help()
    {
        using var admin = await suite.NewAccountAsync("backflow");
        await admin.FlowAsync("checkout", """
            {"name": "Checkout", "steps": [
              {"matcher": {"kind": "url", "operator": "contains", "value": "/cart"}, "required": true},
              {"matcher": {"kind": "url", "operator": "contains", "value": "/checkout"}, "required": true},
              {"matcher": {"kind": "url", "operator": "contains", "value": "/confirmation"}, "required": true}]}
            """);
        await admin.BehaviorAsync("went-back", """{"name": "Back flow", "conditions": [{"type": "flow", "flowId": "checkout", "trigger": "backflow"}]}""");
        await admin.EngagementAsync("backflow-help", "stickyButton", "went-back", "Stuck at checkout?");
        var page = await suite.NewPageAsync();

        await page.GotoAsync(suite.ShopUrl(admin, "cart"));
        await page.SettledAsync();
        await page.GotoAsync(suite.ShopUrl(admin, "checkout"));
        await page.SettledAsync();
        await Expect(page.Engagement("backflow-help")).ToHaveCountAsync(0);
        await page.GotoAsync(suite.ShopUrl(admin, "cart"));

        await Expect(page.Engagement("backflow-help")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_declined_engagement_does_not_come_back_on_the_next_page()
    {
        using var admin = await suite.NewAccountAsync("decline");
        await admin.EngagementAsync("promo", "stickyButton", behaviorId: null, "Spring sale", priority: 20);
        await admin.EngagementAsync("chat", "chatButton", behaviorId: null, "Chat with us", priority: 10);
        var page = await suite.NewPageAsync();
        await page.GotoAsync(suite.ShopUrl(admin, "first"));
        await Expect(page.Engagement("promo")).ToBeVisibleAsync();

        await page.Engagement("promo").Locator("[data-targeting-action='decline']").ClickAsync();
        await Expect(page.Engagement("promo")).ToHaveCountAsync(0);
        var session = await page.SettledAsync();
        Assert.Equal(["chat"], await admin.EligibleAsync(session));

        await page.GotoAsync(suite.ShopUrl(admin, "second"));
        await Expect(page.Engagement("chat")).ToBeVisibleAsync(); // the decision has been rendered on this page
        await page.SettledAsync();
        await Expect(page.Engagement("promo")).ToHaveCountAsync(0);
        Assert.Equal(session, await page.EvaluateAsync<string>("Targeting.session()")); // one session per tab session
    }

    [Fact]
    public async Task Exit_intent_shows_the_offer()
    {
        using var admin = await suite.NewAccountAsync("exit");
        await admin.BehaviorAsync("leaving", """{"name": "About to leave", "conditions": [{"type": "aboutToAbandon"}]}""");
        await admin.EngagementAsync("stay-offer", "overlay", "leaving", "Leaving already? 10% off today");
        var page = await suite.NewPageAsync();
        await page.GotoAsync(suite.ShopUrl(admin, "products/lamp"));
        await page.Mouse.MoveAsync(600, 400);
        await page.SettledAsync();
        await Expect(page.Engagement("stay-offer")).ToHaveCountAsync(0);

        await page.Mouse.MoveAsync(600, 5);
        await page.Mouse.MoveAsync(600, -20); // through the top edge of the window

        var offer = page.Engagement("stay-offer");
        await Expect(offer).ToBeVisibleAsync();
        await Expect(offer.Locator("[data-targeting-action='click']")).ToBeVisibleAsync();
        await Expect(offer.Locator("[data-targeting-action='decline']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_single_page_app_navigation_counts_as_a_page_view()
    {
        using var admin = await suite.NewAccountAsync("spa");
        await admin.EntryPointAsync("step-two", """{"name": "Step 2", "matchers": [{"kind": "url", "operator": "contains", "value": "/spa/step-2"}]}""");
        await admin.EngagementAsync("step-two-tip", "content", behaviorId: null, "Tip for step 2", entryPointId: "step-two");
        var page = await suite.NewPageAsync();
        await page.GotoAsync(suite.ShopUrl(admin, "spa/step-1"));
        var marker = await page.EvaluateAsync<double>("window.pageMarker");
        await page.SettledAsync();
        await Expect(page.Engagement("step-two-tip")).ToHaveCountAsync(0);

        await page.EvaluateAsync("history.pushState({}, '', 'step-2')");
        await Expect(page.Locator("#slot").Locator("[data-targeting-engagement='step-two-tip']")).ToBeVisibleAsync();

        await page.EvaluateAsync("history.back()"); // popstate: back on step 1, the tip leaves the decision
        await Expect(page.Engagement("step-two-tip")).ToHaveCountAsync(0);
        Assert.Equal(marker, await page.EvaluateAsync<double>("window.pageMarker"));
    }

    [Fact]
    public async Task A_cart_update_from_push_changes_what_shows()
    {
        using var admin = await suite.NewAccountAsync("cart");
        await admin.BehaviorAsync("mid-cart", """
            {"name": "Cart 50..100", "conditions": [{"type": "cartValue", "operator": "between", "min": 50, "max": 100}]}
            """);
        await admin.EngagementAsync("shipping-offer", "content", "mid-cart", "Free shipping on this cart");
        var page = await suite.NewPageAsync();
        await page.GotoAsync(suite.ShopUrl(admin, "cart"));
        await page.SettledAsync();
        await Expect(page.Engagement("shipping-offer")).ToHaveCountAsync(0);

        await page.EvaluateAsync(CartUpdate(75));
        await Expect(page.Engagement("shipping-offer")).ToBeVisibleAsync();
        Assert.Equal("shipping-offer", await page.EvaluateAsync<string>("decisions[decisions.length - 1].engagements[0].engagementId"));

        await page.EvaluateAsync(CartUpdate(20));
        await Expect(page.Engagement("shipping-offer")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Rendering_reports_exposed_and_clicking_reports_clicked()
    {
        using var admin = await suite.NewAccountAsync("status");
        await admin.EngagementAsync("welcome", "chatButton", behaviorId: null, "Welcome!");
        await admin.BehaviorAsync("saw-welcome", """
            {"name": "Saw the welcome", "conditions": [{"type": "engagedInSession", "mode": "include", "statuses": ["exposed"], "engagementIds": ["welcome"]}]}
            """);
        await admin.BehaviorAsync("clicked-welcome", """
            {"name": "Clicked the welcome", "conditions": [{"type": "engagedInSession", "mode": "include", "statuses": ["clicked"], "engagementIds": ["welcome"]}]}
            """);
        await admin.EngagementAsync("after-exposure", "stickyButton", "saw-welcome", "You saw it");
        await admin.EngagementAsync("after-click", "content", "clicked-welcome", "You clicked it");
        var page = await suite.NewPageAsync();
        await page.GotoAsync(suite.ShopUrl(admin, "home"));

        await Expect(page.Engagement("after-exposure")).ToBeVisibleAsync();
        await page.SettledAsync();
        await Expect(page.Engagement("after-click")).ToHaveCountAsync(0);

        await page.Engagement("welcome").Locator("[data-targeting-action='click']").ClickAsync();
        await Expect(page.Engagement("after-click")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_session_the_gateway_no_longer_knows_is_replaced_by_a_new_one()
    {
        using var admin = await suite.NewAccountAsync("stale");
        await admin.EngagementAsync("hello", "chatButton", behaviorId: null, "Hello");
        var page = await suite.NewPageAsync();
        await page.Context.AddInitScriptAsync(
            $"sessionStorage.setItem('targeting:{admin.AccountId}:session', JSON.stringify('expired0000000000000000000000'))");

        await page.GotoAsync(suite.ShopUrl(admin, "home"));

        await Expect(page.Engagement("hello")).ToBeVisibleAsync();
        var session = await page.SettledAsync();
        Assert.NotEqual("expired0000000000000000000000", session);
        Assert.Equal(["hello"], await admin.EligibleAsync(session));
    }

    private static string CartUpdate(decimal total) =>
        $"Targeting.push({{ type: 'cartUpdate', total: {total}, currency: 'EUR', products: [{{ name: 'Lamp', sku: 'lamp', category: 'home', price: {total}, quantity: 1 }}] }})";
}
