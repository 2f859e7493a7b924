using Orleans.Concurrency;
using Targeting.Gateway.Infrastructure;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Validation;
using Targeting.Sessions;

namespace Targeting.Gateway.Apis;

public sealed record StartSessionRequest(Source? Source);

public sealed record SessionStarted(string SessionId, Decision Decision);

public sealed record EventsRequest(IReadOnlyList<VisitorEvent>? Events);

/// <summary>The visitor API (web tag, mobile app): no credentials, the session id is the capability; CORS for any origin.</summary>
public static class SessionsApi
{
    public const string CorsPolicy = "visitors";

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/v1/accounts/{accountId}/sessions").WithTags("Sessions").RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimits.Visitor);
        sessions.MapPost("", Start)
            .Produces<SessionStarted>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/{sessionId}/events", Send)
            .Produces<Decision>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        sessions.MapGet("/{sessionId}/decision", Current)
            .Produces<Decision>().ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapGet("/{sessionId}/decisions", DecisionStream.Serve)
            .Produces<Decision>(contentType: "text/event-stream").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Start(string accountId, StartSessionRequest body, IGrainFactory grains, SessionIds ids)
    {
        if (!Identifiers.IsValid(accountId)) return Problems.NotFound($"There is no account '{accountId}'.");
        if (body.Source is not { } source) return Problems.Field("source", "Required: 'web' or 'mobile'.");

        // A fresh random id cannot realistically exist already; if it does, draw another.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var sessionId = ids.New(accountId);
            var result = await grains.GetGrain<ISessionGrain>(SessionKey.Of(accountId, sessionId)).Start(source);
            switch (result.Status)
            {
                case SessionStatus.Ok:
                    return TypedResults.Created($"/v1/accounts/{accountId}/sessions/{sessionId}/decision", new SessionStarted(sessionId, result.Decision!));
                case SessionStatus.AccountNotFound:
                    return Problems.NotFound($"There is no account '{accountId}'.");
                case SessionStatus.StorageUnavailable:
                    return Problems.Unavailable("The session could not be stored; retry after the delay in Retry-After.");
            }
        }
        return Problems.Unavailable("Could not allocate a session id; retry.");
    }

    private static async Task<IResult> Send(string accountId, string sessionId, EventsRequest body, IGrainFactory grains, SessionIds ids)
    {
        if (!IsSession(ids, accountId, sessionId)) return SessionNotFound(sessionId);
        if (body.Events is not { Count: >= Limits.MinEvents and <= Limits.MaxEvents } events)
            return Problems.Field("events", $"Send {Limits.MinEvents} to {Limits.MaxEvents} events.");
        if (events.Any(e => e is null)) return Problems.Field("events", "An event cannot be null.");

        var result = await grains.GetGrain<ISessionGrain>(SessionKey.Of(accountId, sessionId)).ApplyEvents(new Immutable<VisitorEvent[]>([.. events]));
        return result.Status switch
        {
            SessionStatus.Ok => TypedResults.Ok(result.Decision),
            SessionStatus.Invalid => Problems.Validation(result.Errors ?? []),
            SessionStatus.StorageUnavailable => Problems.Unavailable("The events could not be stored and none was applied; retry after the delay in Retry-After."),
            _ => SessionNotFound(sessionId),
        };
    }

    private static async Task<IResult> Current(string accountId, string sessionId, IGrainFactory grains, SessionIds ids)
    {
        if (!IsSession(ids, accountId, sessionId)) return SessionNotFound(sessionId);
        var decision = await grains.GetGrain<ISessionGrain>(SessionKey.Of(accountId, sessionId)).GetDecision();
        return decision is null ? SessionNotFound(sessionId) : TypedResults.Ok(decision);
    }

    /// <summary>Cheap 404: an id whose MAC does not check (forged, guessed, another account's) never reaches a grain or storage.</summary>
    internal static bool IsSession(SessionIds ids, string accountId, string sessionId) =>
        Identifiers.IsValid(accountId) && ids.IsValid(accountId, sessionId);

    internal static IResult SessionNotFound(string sessionId) =>
        Problems.NotFound($"There is no session '{sessionId}' (it may have expired after a period without events); start a new one.");
}
