namespace Targeting.Sessions;

/// <summary>How long the one-shot timer of <see cref="SessionAlarms"/> waits for a moment.</summary>
internal static class TimerDelay
{
    // Rounded up to the next whole millisecond and one more: timers have millisecond resolution
    // and may fire a hair early, which found nothing due and re-armed at once (44% extra timer
    // turns at 100,000 sessions with grain timers before this).
    public static TimeSpan Until(DateTimeOffset due, DateTimeOffset now) =>
        due > now ? TimeSpan.FromMilliseconds(Math.Ceiling((due - now).TotalMilliseconds) + 1) : TimeSpan.Zero;
}
