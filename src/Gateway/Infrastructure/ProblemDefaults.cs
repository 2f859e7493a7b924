using Microsoft.AspNetCore.Http.Features;

namespace Targeting.Gateway.Infrastructure;

/// <summary>A detail a person can act on for the errors the framework raises without one (unknown route, wrong method, …).</summary>
internal static class ProblemDefaults
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status404NotFound => $"Nothing is at {context.HttpContext.Request.Path}; see /openapi/v1.json for the API.",
            StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}; see /openapi/v1.json.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
            StatusCodes.Status401Unauthorized => "Send the right key as 'Authorization: Bearer <key>'.",
            _ => null,
        };
        if (context.HttpContext.Features.Get<IHttpResponseFeature>() is { HasStarted: false })
            context.HttpContext.Response.ContentType = "application/problem+json";
    }
}
