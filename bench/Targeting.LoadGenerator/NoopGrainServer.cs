using Orleans.Concurrency;
using Microsoft.AspNetCore.Http.Json;
using Targeting.Hosting;
using Targeting.Rules;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Sessions;

namespace Targeting.LoadGenerator;

/// <summary>A session grain that does nothing: same call shape and result type as <see cref="ISessionGrain"/>.</summary>
public interface INoopSessionGrain : IGrainWithStringKey
{
    Task<SessionResult> Start(Source source);

    Task<SessionResult> ApplyEvents(Immutable<VisitorEvent[]> events);
}

public sealed class NoopSessionGrain : Grain, INoopSessionGrain
{
    public Task<SessionResult> Start(Source source) =>
        Task.FromResult(new SessionResult(SessionStatus.Ok, NoopServer.CannedDecision(this.GetPrimaryKeyString(), 0)));

    public Task<SessionResult> ApplyEvents(Immutable<VisitorEvent[]> events) =>
        Task.FromResult(new SessionResult(SessionStatus.Ok, NoopServer.CannedDecision(this.GetPrimaryKeyString(), events.Value.Length)));
}

/// <summary>
/// The second baseline: the gateway's path (Kestrel, the same JSON, a co-hosted silo configured by
/// <see cref="TargetingHosting.AddTargetingSilo"/>, one grain call per request) ending in a no-op grain,
/// so the difference to the gateway is the session grain's own work.
/// </summary>
public static class NoopGrainServer
{
    public static void Run(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddTargetingSilo(builder.Configuration));
        builder.Services.Configure<JsonOptions>(o => RulesJson.Configure(o.SerializerOptions));
        var app = builder.Build();

        app.MapGet("/health", () => TypedResults.Ok());
        app.MapPost("/v1/accounts/{accountId}/sessions", async (string accountId, NoopServer.StartBody body, IGrainFactory grains) =>
        {
            var id = Guid.NewGuid().ToString("N");
            var result = await grains.GetGrain<INoopSessionGrain>($"{accountId}/{id}").Start(body.Source ?? Source.Web);
            return TypedResults.Created($"/v1/accounts/{accountId}/sessions/{id}/decision", new NoopServer.Started(id, result.Decision!));
        });
        app.MapPost("/v1/accounts/{accountId}/sessions/{sessionId}/events", async (string accountId, string sessionId, NoopServer.EventsBody body, IGrainFactory grains) =>
        {
            if (body.Events is not { Count: > 0 } events) return Results.BadRequest();
            var result = await grains.GetGrain<INoopSessionGrain>($"{accountId}/{sessionId}").ApplyEvents(new Immutable<VisitorEvent[]>([.. events]));
            return Results.Ok(result.Decision);
        });
        app.Run();
    }
}
