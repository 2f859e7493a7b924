namespace Targeting.SessionScale;

/// <summary>
/// The system clock, which also notes when a session grain first read it while handling a marked
/// page view: that is the server time the page view was stamped with (the grain reads the clock to
/// check expiry and, synchronously after, to stamp the events; microseconds apart). The mark is the
/// session's index, carried by Orleans' <see cref="RequestContext"/> from the caller into the grain call.
/// </summary>
public sealed class PageViewClock(int sessions) : TimeProvider
{
    public const string Mark = "bench-page-view";

    private readonly long[] _firstRead = new long[sessions];

    /// <summary>UTC ticks of the server's page view time per session index; 0 when never seen.</summary>
    public long StampTicks(int session) => Volatile.Read(ref _firstRead[session]);

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        if (RequestContext.Get(Mark) is int session) Interlocked.CompareExchange(ref _firstRead[session], now.UtcTicks, 0);
        return now;
    }
}
