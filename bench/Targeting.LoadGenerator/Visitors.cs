using System.Net.Http.Json;

namespace Targeting.LoadGenerator;

/// <summary>
/// A fixed number of concurrent visitors, served round-robin by the schedule. Each visits for
/// <see cref="Journey.BatchesPerVisit"/> event batches, then leaves and a new visitor starts a session.
/// Only the scheduler thread advances a visitor; the session id arrives with its start request.
/// </summary>
public sealed class Visitors(int count)
{
    private sealed class Visitor
    {
        public int Number;
        public int Batch = Journey.BatchesPerVisit;
        public int EventSeq;
        public Task<string?> Session = Task.FromResult<string?>(null);
    }

    private readonly Visitor[] _visitors = Enumerable.Range(0, count).Select(_ => new Visitor()).ToArray();
    private int _next;
    private int _numbers;

    public sealed record Request(Task<string?> Session, string? Body, int Events, Action<string?>? OnStarted);

    /// <summary>The next request of the schedule: a session start or a batch of events.</summary>
    public Request Next()
    {
        var visitor = _visitors[_next++ % _visitors.Length];
        if (visitor.Batch >= Journey.BatchesPerVisit)
        {
            visitor.Number = _numbers++;
            // First visits start at staggered points of the journey, so visitors do not send the same batch sizes in step.
            visitor.Batch = visitor.Number < _visitors.Length ? visitor.Number % Journey.BatchesPerVisit : 0;
            visitor.EventSeq = 0;
            var started = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            visitor.Session = started.Task;
            return new Request(Task.FromResult<string?>(null), null, 0, started.SetResult);
        }
        var (body, events) = Journey.Batch(visitor.Number, visitor.Batch++, ref visitor.EventSeq);
        return new Request(visitor.Session, body, events, null);
    }

    /// <summary>Mean events per request (session starts carry none).</summary>
    public static double EventsPerRequest =>
        Enumerable.Range(0, Journey.BatchesPerVisit).Sum(b => b % 4 + 1) / (double)(Journey.BatchesPerVisit + 1);

    public static string SessionIdOf(string startedJson) =>
        System.Text.Json.JsonDocument.Parse(startedJson).RootElement.GetProperty("sessionId").GetString()!;
}
