namespace Targeting.Gateway.Tag;

/// <summary>Serves the web tag: the one script a website adds to use Targeting.</summary>
public static class WebTagEndpoints
{
    public const string Path = "/tag/v1/targeting.js";

    public static IEndpointConventionBuilder MapWebTag(this IEndpointRouteBuilder endpoints)
    {
        var script = EmbeddedAsset.Load("tag/targeting.js");
        return endpoints.MapGet(Path, (HttpContext context) =>
            {
                // Sites load the tag from another origin, including pages that isolate themselves (COEP).
                context.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return script.Serve(context);
            })
            .WithName("WebTag")
            .ExcludeFromDescription();
    }
}
