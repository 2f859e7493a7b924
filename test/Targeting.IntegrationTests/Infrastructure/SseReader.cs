using System.Net;
using System.Text.Json;

namespace Targeting.IntegrationTests.Infrastructure;

public sealed record SseEvent(string? Event, string? Id, string Data)
{
    public DecisionDto Decision => JsonSerializer.Deserialize<DecisionDto>(Data, TargetingClient.Json)!;
}

/// <summary>Reads a text/event-stream response line by line, as a browser's EventSource would.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly CancellationTokenSource _cancel = new();

    private SseReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _reader = new StreamReader(stream);
    }

    public HttpResponseMessage Response => _response;
    public int Comments { get; private set; }

    public static async Task<SseReader> OpenAsync(HttpClient http, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event (comments are counted, not returned); fails after the timeout.</summary>
    public async Task<SseEvent> NextAsync(TimeSpan timeout)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
        timer.CancelAfter(timeout);
        string? name = null, id = null, data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(timer.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data is not null) return new SseEvent(name, id, data);
                continue;
            }
            if (line.StartsWith(':')) Comments++;
            else if (line.StartsWith("event: ")) name = line[7..];
            else if (line.StartsWith("id: ")) id = line[4..];
            else if (line.StartsWith("data: ")) data = line[6..];
        }
    }

    /// <summary>Reads until a comment line arrives (a heartbeat).</summary>
    public async Task WaitForCommentAsync(TimeSpan timeout)
    {
        var before = Comments;
        using var timer = new CancellationTokenSource(timeout);
        while (Comments == before)
        {
            var line = await _reader.ReadLineAsync(timer.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith(':')) Comments++;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        _reader.Dispose();
        _response.Dispose();
        _cancel.Dispose();
    }
}
