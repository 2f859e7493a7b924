using Microsoft.AspNetCore.Http.Json;
using Targeting.Rules;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.LoadGenerator;

/// <summary>
/// The baseline: Kestrel + minimal API with the gateway's JSON conventions, parsing the same bodies
/// into the same event types and answering a decision of the same size, with no grain behind it.
/// </summary>
public static class NoopServer
{
    public sealed record StartBody(Source? Source);
    public sealed record EventsBody(IReadOnlyList<VisitorEvent>? Events);
    public sealed record Started(string SessionId, Decision Decision);

    public static void Run(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<JsonOptions>(o => RulesJson.Configure(o.SerializerOptions));
        var app = builder.Build();

        app.MapGet("/health", () => TypedResults.Ok());
        app.MapPost("/v1/accounts/{accountId}/sessions", (string accountId, StartBody body) =>
        {
            var id = Guid.NewGuid().ToString("N");
            return TypedResults.Created($"/v1/accounts/{accountId}/sessions/{id}/decision", new Started(id, CannedDecision(id, 0)));
        });
        app.MapPost("/v1/accounts/{accountId}/sessions/{sessionId}/events", (string accountId, string sessionId, EventsBody body) =>
            body.Events is { Count: > 0 } events
                ? Results.Ok(CannedDecision(sessionId, events.Count))
                : Results.BadRequest());
        app.Run();
    }

    /// <summary>Six engagements: the gateway's mean decision on this journey is ~720 bytes (printed as "mean decision bytes").</summary>
    public static Decision CannedDecision(string sessionId, long revision) => new(sessionId, revision,
    [
        new("checkout-rescue", "help-overlay", EngagementKind.Overlay, "Need help checking out?", 10),
        new("checkout-rescue", "shoe-content", EngagementKind.Content, "Our shoe guide", 10),
        new("section-offers", "offer-3", EngagementKind.ChatButton, "Questions about section 3?", 5),
        new("section-offers", "offer-5", EngagementKind.ChatButton, "Questions about section 5?", 5),
        new("section-offers", "offer-8", EngagementKind.ChatButton, "Questions about section 8?", 5),
        new("section-offers", "offer-13", EngagementKind.ChatButton, "Questions about section 3?", 5),
    ]);
}
