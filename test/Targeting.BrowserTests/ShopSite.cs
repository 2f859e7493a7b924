using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Targeting.BrowserTests;

/// <summary>
/// A brand's website on its own loopback origin, another one than the gateway's, as in real life: every
/// page loads the tag from the gateway and talks to it cross-origin. A page is
/// <c>/{account}/{any/path}?sections=a,b&amp;via=proxy</c>; its title is its path.
/// </summary>
public sealed class ShopSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private ShopSite(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<ShopSite> StartAsync(Uri gateway, Uri proxy)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var site = new ShopSite(builder.Build());
        site.app.MapGet("/{account}/{**path}", (string account, string? path, string? sections, string? via) =>
            Results.Content(Page(account, path ?? "", sections, via == "proxy" ? proxy : gateway, gateway), "text/html; charset=utf-8"));
        await site.app.StartAsync();
        site.Address = new Uri(site.app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return site;
    }

    private static string Page(string account, string path, string? sections, Uri api, Uri tagHost)
    {
        var js = JavaScriptEncoder.Default;
        var html = HtmlEncoder.Default;
        var metas = string.Concat((sections ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => $"""<meta name="targeting-section" content="{html.Encode(s)}">"""));
        var title = html.Encode(path.Length == 0 ? "home" : path);
        var gateway = api.GetLeftPart(UriPartial.Authority);
        return $$"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>{{title}}</title>{{metas}}
            <script src="{{tagHost.GetLeftPart(UriPartial.Authority)}}/tag/v1/targeting.js"></script></head>
            <body><h1>{{title}}</h1><div id="slot" data-targeting-slot></div>
            <script>
              window.pageMarker = Math.random();
              window.decisions = [];
              Targeting.on('decision', function (d) { decisions.push(d); });
              Targeting.init({ account: '{{js.Encode(account)}}', gateway: '{{js.Encode(gateway)}}' });
            </script></body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
