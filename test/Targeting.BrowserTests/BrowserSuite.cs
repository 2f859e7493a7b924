using Microsoft.Playwright;

namespace Targeting.BrowserTests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSuite>
{
    public const string Name = "browser";
}

/// <summary>
/// One gateway, one brand website on another origin, one flaky proxy and one Chromium for all browser tests;
/// each test uses its own account and its own browser context (a fresh tab session).
/// </summary>
public sealed class BrowserSuite : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public GatewayHost Gateway { get; private set; } = null!;

    public FlakyProxy Proxy { get; private set; } = null!;

    public ShopSite Shop { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (never a downloaded browser).");
        Gateway = GatewayHost.Start();
        Proxy = await FlakyProxy.StartAsync(Gateway.Address);
        Shop = await ShopSite.StartAsync(Gateway.Address, Proxy.Address);
        Assertions.SetDefaultExpectTimeout(10_000); // generous: the suite shares 2 cores with everything else
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public Task<Admin> NewAccountAsync(string prefix) => Admin.CreateAccountAsync(Gateway.Address, prefix);

    /// <summary>A new tab in a new browser context, so nothing of another test's session is shared.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1200, Height = 800 } });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page of the brand's website (another origin than the gateway's).</summary>
    public string ShopUrl(Admin admin, string path, string? sections = null, bool viaProxy = false)
    {
        var query = new List<string>();
        if (sections is not null) query.Add("sections=" + Uri.EscapeDataString(sections));
        if (viaProxy) query.Add("via=proxy");
        return new Uri(Shop.Address, $"/{admin.AccountId}/{path}" + (query.Count > 0 ? "?" + string.Join('&', query) : "")).ToString();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (Shop is not null) await Shop.DisposeAsync();
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (Gateway is not null) await Gateway.DisposeAsync();
    }
}

public static class PageExtensions
{
    /// <summary>The rendered engagement element, by engagement id.</summary>
    public static ILocator Engagement(this IPage page, string engagementId) =>
        page.Locator($"[data-targeting-engagement='{engagementId}']");

    /// <summary>Waits until the tag has a session and the gateway has acknowledged (and answered) every event.</summary>
    public static async Task<string> SettledAsync(this IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Targeting && Targeting.session() && Targeting.pending() === 0");
        return await page.EvaluateAsync<string>("Targeting.session()");
    }
}
