using Targeting.Gateway.Infrastructure;
using Targeting.Rules.Evaluation;
using Targeting.Sessions;

namespace Targeting.Gateway.Apis;

/// <summary>"Why did (not) this engagement show": the engine's explanation of a session, for the account's campaign manager.</summary>
public static class ExplanationApi
{
    public static IEndpointRouteBuilder MapExplanationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/accounts/{accountId}/sessions/{sessionId}/explanation", Explain)
            .WithTags("Sessions").RequireRateLimiting(RateLimits.Admin)
            .AddEndpointFilter(AdminKeyFilter.RequireAdminKey)
            .Produces<SessionExplanation>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Explain(string accountId, string sessionId, IGrainFactory grains, SessionIds ids)
    {
        if (!SessionsApi.IsSession(ids, accountId, sessionId)) return SessionsApi.SessionNotFound(sessionId);
        var explanation = await grains.GetGrain<ISessionGrain>(SessionKey.Of(accountId, sessionId)).Explain();
        return explanation is null ? SessionsApi.SessionNotFound(sessionId) : TypedResults.Ok(explanation);
    }
}
