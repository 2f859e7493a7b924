using System.Text;

namespace Targeting.Gateway.Infrastructure;

/// <summary>
/// Guards operator pages (the Orleans Dashboard shows grain state): the operator key as a Bearer
/// token, or as the password of HTTP Basic authentication so a browser can open the page.
/// </summary>
public static class OperatorOnly
{
    public const string Realm = "Targeting operator";

    public static async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var operatorKey = http.RequestServices.GetRequiredService<OperatorKey>();
        if (operatorKey.Matches(Bearer.From(http.Request)) || operatorKey.Matches(BasicPassword(http.Request)))
            return await next(context);
        http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", Bearer"; // Basic makes a browser ask
        return TypedResults.Problem(title: "Unauthorized", statusCode: StatusCodes.Status401Unauthorized,
            detail: "The dashboard is for operators: sign in with the operator key as the password, or send it as 'Authorization: Bearer <key>'.");
    }

    private static string? BasicPassword(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
            var colon = credentials.IndexOf(':');
            return colon < 0 ? null : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
