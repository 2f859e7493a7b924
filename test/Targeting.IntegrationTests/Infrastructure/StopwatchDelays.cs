using System.Diagnostics;

namespace Targeting.IntegrationTests.Infrastructure;

public static class StopwatchDelays
{
    /// <summary>Waits until the stopwatch reads <paramref name="at"/>; at once if it is already past.</summary>
    public static Task DelayUntil(this Stopwatch clock, TimeSpan at)
    {
        var wait = at - clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }
}
