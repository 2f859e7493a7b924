using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Targeting.BrowserTests;

public enum ProxyMode
{
    /// <summary>Forwards everything.</summary>
    Up,

    /// <summary>The gateway is unreachable: every connection is cut before anything is forwarded.</summary>
    Down,

    /// <summary>Requests reach the gateway but the answers are lost on the way back (the nastiest case for retries).</summary>
    DropResponses,
}

/// <summary>
/// A loopback reverse proxy in front of the gateway whose link can be cut and restored, so a test can make
/// the gateway briefly unreachable for the browser without stopping the gateway itself.
/// </summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private CancellationTokenSource cut = new();
    private int dropped;

    private FlakyProxy(WebApplication app, Uri target)
    {
        this.app = app;
        upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = target,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Uri Address { get; private set; } = null!;

    public ProxyMode Mode { get; private set; } = ProxyMode.Up;

    /// <summary>Event batches the gateway received while their answers were dropped.</summary>
    public int DroppedEventBatches => Volatile.Read(ref dropped);

    public static async Task<FlakyProxy> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var proxy = new FlakyProxy(builder.Build(), target);
        proxy.app.Run(proxy.ForwardAsync);
        await proxy.app.StartAsync();
        proxy.Address = new Uri(proxy.app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return proxy;
    }

    /// <summary>Switches the link; going down or dropping also cuts every open connection (the SSE stream).</summary>
    public void Set(ProxyMode mode)
    {
        Mode = mode;
        if (mode == ProxyMode.Up) return;
        var old = Interlocked.Exchange(ref cut, new CancellationTokenSource());
        old.Cancel();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        if (Mode == ProxyMode.Down)
        {
            context.Abort();
            return;
        }
        using var link = cut.Token.Register(context.Abort);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            request.Content = new StreamContent(context.Request.Body);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        try
        {
            using var response = await upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            if (Mode != ProxyMode.Up)
            {
                if (context.Request.Method == "POST" && context.Request.Path.Value!.EndsWith("/events", StringComparison.Ordinal))
                    Interlocked.Increment(ref dropped);
                context.Abort();
                return;
            }
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
            await context.Response.StartAsync(context.RequestAborted);
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            context.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        cut.Cancel();
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }
}
