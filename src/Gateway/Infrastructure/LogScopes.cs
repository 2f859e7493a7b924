namespace Targeting.Gateway.Infrastructure;

/// <summary>
/// Every log line written while a request for an account or a session is handled carries
/// <c>AccountId</c> and <c>SessionId</c> as structured scope values (route values only: keys
/// travel in headers and never reach a log).
/// </summary>
public static class LogScopes
{
    public static IApplicationBuilder UseAccountLogScopes(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (http.GetRouteValue("accountId") is not string accountId)
            {
                await next(http);
                return;
            }
            var scope = new Dictionary<string, object?> { ["AccountId"] = accountId };
            if (http.GetRouteValue("sessionId") is string sessionId) scope["SessionId"] = sessionId;
            using (app.Logger.BeginScope(scope))
                await next(http);
        });
}
