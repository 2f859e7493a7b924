using System.Text.Json.Nodes;

namespace Targeting.ClusterTests.Harness;

/// <summary>
/// A visitor's Server-Sent Events connection, reconnecting like a browser's EventSource when the
/// stream breaks (its gateway lost the session's silo). Records when an engagement first arrives.
/// </summary>
public sealed class DecisionWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly TaskCompletionSource<DateTimeOffset> arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int reconnects;

    public DecisionWatcher(Uri gateway, string accountId, string sessionId, string engagementId)
    {
        SessionId = sessionId;
        loop = Task.Run(() => RunAsync(new Uri(gateway, $"/v1/accounts/{accountId}/sessions/{sessionId}/decisions"), engagementId));
    }

    public string SessionId { get; }

    public int Reconnects => reconnects;

    /// <summary>When the engagement was first pushed (completes once).</summary>
    public Task<DateTimeOffset> Arrived => arrived.Task;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private async Task RunAsync(Uri uri, string engagementId)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("text/event-stream");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
                    while (await reader.ReadLineAsync(stop.Token) is { } line)
                    {
                        if (line.StartsWith("data:", StringComparison.Ordinal) && Offers(line[5..], engagementId))
                            arrived.TrySetResult(DateTimeOffset.UtcNow);
                    }
                }
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // the stream broke: reconnect, as EventSource does
            }
            if (stop.IsCancellationRequested)
                return;
            Interlocked.Increment(ref reconnects);
            await Task.Delay(500, stop.Token);
        }
    }

    private static bool Offers(string json, string engagementId) =>
        JsonNode.Parse(json)?["engagements"]?.AsArray().Any(e => e?["engagementId"]?.GetValue<string>() == engagementId) == true;
}
