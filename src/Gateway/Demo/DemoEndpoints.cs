using Targeting.Gateway.Tag;

namespace Targeting.Gateway.Demo;

/// <summary>Serves the demo shop at /demo/: static pages wired with the web tag, for the seeded demo account.</summary>
public static class DemoEndpoints
{
    private static readonly string[] Pages = ["cart", "checkout", "confirmation", "error"];

    public static RouteGroupBuilder MapDemo(this IEndpointRouteBuilder endpoints)
    {
        var site = EmbeddedAsset.LoadFolder("demo");
        var demo = endpoints.MapGroup("/demo").ExcludeFromDescription();

        // Routing ignores a trailing slash: this answers both /demo and /demo/.
        demo.MapGet("/", (HttpContext context) => site["index.html"].Serve(context));
        demo.MapGet("/products/{sku}", (string sku, HttpContext context) => site["product.html"].Serve(context));
        demo.MapGet("/assets/{file}", (string file, HttpContext context) =>
            file.EndsWith(".html", StringComparison.Ordinal) || !site.TryGetValue(file, out var asset)
                ? Results.NotFound()
                : asset.Serve(context));
        demo.MapGet("/{page}", (string page, HttpContext context) =>
            Pages.Contains(page) ? site[page + ".html"].Serve(context) : Results.NotFound());
        return demo;
    }
}
