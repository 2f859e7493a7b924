using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Targeting.BrowserTests;

/// <summary>The tag keeps what the visitor does while the gateway cannot be reached, and delivers it exactly once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutageTests(BrowserSuite suite)
{
    private const string PushError = "Targeting.push({ type: 'visitorError', message: 'Card declined' })";

    [Fact]
    public async Task Events_sent_while_the_gateway_is_unreachable_arrive_once_it_is_back_each_exactly_once()
    {
        // Counting errors by instance makes a lost event (no 3rd) and a repeated one (a 4th) both visible.
        using var admin = await suite.NewAccountAsync("outage");
        await admin.BehaviorAsync("third-error", """
            {"name": "3rd decline", "conditions": [{"type": "visitorError", "mode": "include", "message": "Card declined", "instance": 3}]}
            """);
        await admin.BehaviorAsync("fourth-error", """
            {"name": "4th decline", "conditions": [{"type": "visitorError", "mode": "include", "message": "Card declined", "instance": 4}]}
            """);
        await admin.EntryPointAsync("payment", """{"name": "Payment", "matchers": [{"kind": "url", "operator": "contains", "value": "/payment"}]}""");
        await admin.BehaviorAsync("saw-payment", """
            {"name": "Reached payment", "conditions": [{"type": "visitedEntryPoint", "mode": "include", "entryPointIds": ["payment"]}]}
            """);
        await admin.EngagementAsync("third", "stickyButton", "third-error", "Third time? Let us help");
        await admin.EngagementAsync("fourth", "chatButton", "fourth-error", "Fourth time");
        await admin.EngagementAsync("payment-help", "content", "saw-payment", "Paying by card");
        var page = await suite.NewPageAsync();
        await page.GotoAsync(suite.ShopUrl(admin, "checkout", viaProxy: true));
        var session = await page.SettledAsync();

        try
        {
            suite.Proxy.Set(ProxyMode.Down);
            await page.EvaluateAsync(PushError);
            await page.EvaluateAsync(PushError);
            // A page change while unreachable: the queue lives in sessionStorage and the new page sends it.
            await page.GotoAsync(suite.ShopUrl(admin, "payment", viaProxy: true));
            Assert.True(await page.EvaluateAsync<int>("Targeting.pending()") >= 3);

            // Reachable again, but the answers get lost: the gateway applies batches the tag must retry.
            var dropped = suite.Proxy.DroppedEventBatches;
            suite.Proxy.Set(ProxyMode.DropResponses);
            await page.EvaluateAsync(PushError);
            await WaitUntil(() => suite.Proxy.DroppedEventBatches >= dropped + 2, TimeSpan.FromSeconds(20));
        }
        finally
        {
            suite.Proxy.Set(ProxyMode.Up);
        }

        await Expect(page.Engagement("third")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Engagement("payment-help")).ToBeVisibleAsync();
        Assert.Equal(session, await page.SettledAsync());
        Assert.Equal(["payment-help", "third"], await admin.EligibleAsync(session)); // same priority: by campaign id
        await Expect(page.Engagement("fourth")).ToHaveCountAsync(0);
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the tag to retry");
            await Task.Delay(100);
        }
    }
}
