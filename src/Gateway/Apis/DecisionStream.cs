using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Targeting.Gateway.Infrastructure;
using Targeting.Rules.Evaluation;
using Targeting.Sessions;
using Targeting.Telemetry;

namespace Targeting.Gateway.Apis;

/// <summary>Configuration section <c>Targeting:Sse</c>.</summary>
public sealed class SseOptions
{
    public const string Section = "Targeting:Sse";

    /// <summary>How often a <c>: keep-alive</c> comment goes out (the contract asks for at least every 15 s).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Open streams one session may hold on one gateway (a page open in a few tabs); more is 429.</summary>
    public int MaxConnectionsPerSession { get; set; } = 5;
}

/// <summary>
/// <c>GET …/sessions/{id}/decisions</c>: Server-Sent Events of a session's decisions.
/// </summary>
/// <remarks>
/// Pushes travel as grain observer calls: this request creates an observer object, holds it
/// strongly for as long as the connection lives, and subscribes it with the session grain,
/// wherever in the cluster that grain runs. So events may arrive through any gateway and a
/// dwell threshold may pass with no request in flight: the grain calls the observer, which lives on the
/// gateway holding the connection. Subscriptions expire in the grain (a gateway that died leaves
/// nothing behind), so the stream renews its subscription periodically; each renewal also answers
/// the current decision, which repairs a push lost while the grain moved. The response is written
/// by hand rather than with TypedResults.ServerSentEvents because the contract's heartbeats are
/// SSE comments (<c>: keep-alive</c>), which SseItem cannot express.
/// </remarks>
public static class DecisionStream
{
    public static async Task Serve(HttpContext http, string accountId, string sessionId, IGrainFactory grains,
        IOptions<SseOptions> sse, IOptions<SessionLifetimeOptions> sessions, IOptions<JsonOptions> json, SessionIds ids, SseConnections connections)
    {
        if (!SessionsApi.IsSession(ids, accountId, sessionId))
        {
            await SessionsApi.SessionNotFound(sessionId).ExecuteAsync(http);
            return;
        }
        using var slot = connections.TryOpen(SessionKey.Of(accountId, sessionId), sse.Value.MaxConnectionsPerSession);
        if (slot is null)
        {
            await Problems.TooManyRequests($"This session already has {sse.Value.MaxConnectionsPerSession} open decision streams on this gateway, "
                + "the most it may; close one first.", TimeSpan.FromSeconds(5)).ExecuteAsync(http);
            return;
        }

        var grain = grains.GetGrain<ISessionGrain>(SessionKey.Of(accountId, sessionId));
        var feed = new Feed();
        var observer = grains.CreateObjectReference<ISessionObserver>(feed);
        var counted = false;
        try
        {
            if (await grain.Subscribe(observer) is not { } first)
            {
                await SessionsApi.SessionNotFound(sessionId).ExecuteAsync(http);
                return;
            }
            TargetingMetrics.SseConnections.Add(1);
            counted = true;
            var writer = new Writer(http.Response, json.Value.SerializerOptions);
            await writer.StartAsync();
            await writer.DecisionAsync(first);
            await PumpAsync(writer, grain, observer, feed, first.Revision, sse.Value.KeepAliveInterval,
                sessions.Value.SubscriptionExpiry / 3, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The visitor went away.
        }
        finally
        {
            if (counted) TargetingMetrics.SseConnections.Add(-1);
            _ = grain.Unsubscribe(observer).ContinueWith(static _ => { }, TaskScheduler.Default);
            grains.DeleteObjectReference<ISessionObserver>(observer);
            GC.KeepAlive(feed);
        }
    }

    private static async Task PumpAsync(Writer writer, ISessionGrain grain, ISessionObserver observer, Feed feed,
        long revision, TimeSpan keepAlive, TimeSpan renewal, CancellationToken aborted)
    {
        var nextKeepAlive = DateTime.UtcNow + keepAlive;
        var nextRenewal = DateTime.UtcNow + renewal;
        Task<Decision>? pending = null;
        while (true)
        {
            pending ??= feed.Decisions.Reader.ReadAsync(aborted).AsTask();
            var wait = Min(nextKeepAlive, nextRenewal) - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
                await Task.WhenAny(pending, Task.Delay(wait, aborted));
            aborted.ThrowIfCancellationRequested();

            if (pending.IsCompleted)
            {
                if (pending.Exception?.InnerException is ChannelClosedException) return; // the session ended
                var decision = await pending;
                pending = null;
                if (decision.Revision > revision)
                {
                    revision = decision.Revision;
                    await writer.DecisionAsync(decision);
                }
            }
            if (DateTime.UtcNow >= nextKeepAlive)
            {
                await writer.KeepAliveAsync();
                nextKeepAlive = DateTime.UtcNow + keepAlive;
            }
            if (DateTime.UtcNow >= nextRenewal)
            {
                if (await grain.Subscribe(observer) is not { } current) return; // the session ended
                if (current.Revision > revision)
                {
                    revision = current.Revision;
                    await writer.DecisionAsync(current);
                }
                nextRenewal = DateTime.UtcNow + renewal;
            }
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed class Feed : ISessionObserver
    {
        public Channel<Decision> Decisions { get; } = Channel.CreateBounded<Decision>(
            new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public Task OnDecision(Decision decision)
        {
            Decisions.Writer.TryWrite(decision);
            return Task.CompletedTask;
        }

        public Task OnSessionEnded()
        {
            Decisions.Writer.TryComplete();
            return Task.CompletedTask;
        }
    }

    private sealed class Writer(HttpResponse response, JsonSerializerOptions options)
    {
        private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(": keep-alive\n\n");

        public async Task StartAsync()
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            await response.Body.FlushAsync();
        }

        public async Task DecisionAsync(Decision decision)
        {
            var data = JsonSerializer.Serialize(decision, options);
            await response.WriteAsync($"event: decision\nid: {decision.Revision}\ndata: {data}\n\n");
            await response.Body.FlushAsync();
        }

        public async Task KeepAliveAsync()
        {
            await response.Body.WriteAsync(KeepAlive);
            await response.Body.FlushAsync();
        }
    }
}
