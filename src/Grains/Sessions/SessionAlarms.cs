using Microsoft.Extensions.Logging;

namespace Targeting.Sessions;

/// <summary>
/// One clock per silo for every session's next moment: its nearest dwell threshold or its idle
/// expiry. At that moment the session is woken with a grain call, which activates it from
/// storage if it had been collected.
/// </summary>
/// <remarks>
/// Sessions do not hold grain timers because a grain timer lives only as long as its activation:
/// a session with a pending moment had to stay activated, about 5.7 KB each while idle, of which
/// Orleans' activation is 1.9 KB and the timer 0.7 KB. Here a pending moment is one dictionary
/// entry and one queue entry, so an idle session can be collected. Moments are not persisted: a
/// session re-arms from its stored state whenever it is activated (as it did with grain timers).
/// </remarks>
public sealed class SessionAlarms : IDisposable
{
    /// <summary>How soon a wake-up that failed (storage or the cluster could not answer) is tried again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly Func<string, DateTimeOffset, Task> _wake;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);

    // Re-arming leaves the old entry behind (PriorityQueue cannot remove one cheaply); an entry
    // counts only while it matches _due, and the queue is rebuilt when stale ones dominate.
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();
    private readonly ITimer _timer;
    private DateTimeOffset _timerAt = DateTimeOffset.MaxValue;
    private bool _stopped;

    public SessionAlarms(IGrainFactory grains, TimeProvider time, ILogger<SessionAlarms> logger)
        : this((key, due) => grains.GetGrain<ISessionGrain>(key).Wake(due), time, logger)
    {
    }

    internal SessionAlarms(Func<string, DateTimeOffset, Task> wake, TimeProvider time, ILogger logger)
    {
        _wake = wake;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(_ => Ring(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Moments waiting, one per session at most.</summary>
    public int Count
    {
        get { lock (_lock) return _due.Count; }
    }

    internal int QueueLength
    {
        get { lock (_lock) return _queue.Count; }
    }

    /// <summary>Wakes the session at <paramref name="due"/>, replacing any moment it had.</summary>
    public void Set(string sessionKey, DateTimeOffset due)
    {
        lock (_lock)
        {
            if (_stopped || (_due.TryGetValue(sessionKey, out var current) && current == due)) return;
            _due[sessionKey] = due;
            _queue.Enqueue(sessionKey, due);
            if (_queue.Count > 2 * _due.Count + 1024) Compact();
            if (due < _timerAt) ArmTimer(due);
        }
    }

    public void Cancel(string sessionKey)
    {
        lock (_lock) _due.Remove(sessionKey);
    }

    /// <summary>Wakes no session any more (the silo is stopping); moments set later are ignored.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stopped = true;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Ring()
    {
        List<(string Key, DateTimeOffset Due)> ringing = [];
        lock (_lock)
        {
            if (_stopped) return;
            var now = _time.GetUtcNow();
            while (_queue.TryPeek(out var key, out var due) && due <= now)
            {
                _queue.Dequeue();
                if (!_due.TryGetValue(key, out var current) || current != due) continue; // re-armed or cancelled
                _due.Remove(key);
                ringing.Add((key, due));
            }
            _timerAt = DateTimeOffset.MaxValue;
            if (_queue.TryPeek(out _, out var next)) ArmTimer(next);
        }
        foreach (var (key, due) in ringing) _ = WakeAsync(key, due);
    }

    private async Task WakeAsync(string sessionKey, DateTimeOffset due)
    {
        try
        {
            await _wake(sessionKey, due);
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                // Unless the session armed a moment of its own since, or the silo is stopping.
                if (_stopped || _due.ContainsKey(sessionKey)) return;
            }
            _logger.LogWarning(e, "Could not wake session {Session}; trying again in {Delay}", sessionKey, RetryAfterFailure);
            Set(sessionKey, _time.GetUtcNow() + RetryAfterFailure);
        }
    }

    private void ArmTimer(DateTimeOffset due)
    {
        _timerAt = due;
        _timer.Change(TimerDelay.Until(due, _time.GetUtcNow()), Timeout.InfiniteTimeSpan);
    }

    private void Compact()
    {
        _queue.Clear();
        foreach (var (key, due) in _due) _queue.Enqueue(key, due);
    }
}
