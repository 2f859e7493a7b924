using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Targeting.Sessions;

namespace Targeting.Tests.Sessions;

public sealed class SessionAlarmsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(string Session, DateTimeOffset Due, DateTimeOffset At)> _woken = new();
    private readonly SessionAlarms _alarms;
    private Func<string, Task>? _fail;

    public SessionAlarmsTests()
    {
        _alarms = new SessionAlarms((session, due) =>
        {
            _woken.Enqueue((session, due, _time.GetUtcNow()));
            return _fail?.Invoke(session) ?? Task.CompletedTask;
        }, _time, NullLogger.Instance);
    }

    public void Dispose() => _alarms.Dispose();

    private DateTimeOffset In(double seconds) => _time.GetUtcNow().AddSeconds(seconds);

    // Time passes as on a real clock, in small steps: a timer fires within a step of its moment.
    private void Run(double seconds)
    {
        for (var left = TimeSpan.FromSeconds(seconds); left > TimeSpan.Zero; left -= Step) _time.Advance(Step);
    }

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);

    // A step, and the whole millisecond and one more a timer waits past its moment (TimerDelay).
    private static readonly TimeSpan Slack = Step + TimeSpan.FromMilliseconds(2);

    [Fact]
    public void A_session_is_woken_at_its_moment_and_not_before()
    {
        var due = In(2);
        _alarms.Set("a/1", due);

        _time.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.Empty(_woken);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        var woken = Assert.Single(_woken);
        Assert.Equal(("a/1", due), (woken.Session, woken.Due));
        Assert.Equal(0, _alarms.Count);
    }

    [Fact]
    public void Setting_a_new_moment_replaces_the_old_one_earlier_or_later()
    {
        var (first, second) = (In(2), In(3));
        _alarms.Set("a/1", In(5));
        _alarms.Set("a/1", first);   // earlier: the timer moves forward
        _alarms.Set("a/2", In(1));
        _alarms.Set("a/2", second);  // later: the old moment no longer counts

        Run(10);
        Assert.Equal([("a/1", first), ("a/2", second)], _woken.Select(w => (w.Session, w.Due)));
        Assert.All(_woken, w => Assert.InRange(w.At - w.Due, TimeSpan.Zero, Slack)); // each at its own moment
    }

    [Fact]
    public void Sessions_are_woken_in_the_order_of_their_moments()
    {
        for (var i = 9; i >= 0; i--) _alarms.Set($"a/{i}", In(1 + i * 0.1));
        Run(3);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"a/{i}"), _woken.Select(w => w.Session));
        Assert.All(_woken, w => Assert.InRange(w.At - w.Due, TimeSpan.Zero, Slack));
    }

    [Fact]
    public void A_cancelled_session_is_not_woken()
    {
        _alarms.Set("a/1", In(1));
        _alarms.Cancel("a/1");
        Run(2);
        Assert.Empty(_woken);
    }

    [Fact]
    public void A_failed_wake_up_is_tried_again_a_second_later()
    {
        var failures = 2;
        _fail = _ => Interlocked.Decrement(ref failures) >= 0 ? Task.FromException(new TimeoutException("storage")) : Task.CompletedTask;
        _alarms.Set("a/1", In(1));

        Run(1.01);
        Assert.Single(_woken);
        Run(SessionAlarms.RetryAfterFailure.TotalSeconds);
        Assert.Equal(2, _woken.Count);
        Run(10);
        Assert.Equal(3, _woken.Count); // two failures, then success: nothing more
        Assert.Equal(0, _alarms.Count);
    }

    [Fact]
    public void A_failed_wake_up_does_not_replace_a_moment_the_session_set_meanwhile()
    {
        _fail = session =>
        {
            _alarms.Set(session, In(30)); // the session re-armed before the call failed
            return Task.FromException(new TimeoutException("late answer"));
        };
        _alarms.Set("a/1", In(1));
        Run(1.01);
        _fail = null;

        Run(5);
        Assert.Single(_woken);
        Run(30);
        Assert.Equal(2, _woken.Count);
    }

    [Fact]
    public void Re_arming_a_session_many_times_keeps_the_queue_bounded()
    {
        for (var i = 0; i < 100_000; i++) _alarms.Set($"a/{i % 10}", In(60 + i * 0.001));
        Assert.Equal(10, _alarms.Count);
        Assert.True(_alarms.QueueLength <= 2 * 10 + 1025, $"{_alarms.QueueLength} queued for 10 sessions");

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(10, _woken.Count);
    }

    [Fact]
    public void A_stopped_silo_wakes_no_session()
    {
        _alarms.Set("a/1", In(1));
        _alarms.Stop();
        _alarms.Set("a/2", In(1));
        Run(2);
        Assert.Empty(_woken);
    }
}
