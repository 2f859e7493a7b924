using Targeting.Sessions;

namespace Targeting.Tests.Sessions;

public class TimerDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.3, 2)]
    [InlineData(2.0, 3)]
    [InlineData(2.01, 4)]
    [InlineData(30_000, 30_001)]
    public void A_timer_is_armed_past_its_moment_in_whole_milliseconds_so_it_never_fires_before_it(double dueInMs, double expectedMs)
    {
        var delay = TimerDelay.Until(Now.AddTicks((long)(dueInMs * TimeSpan.TicksPerMillisecond)), Now);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void A_moment_already_passed_is_due_at_once()
    {
        Assert.Equal(TimeSpan.Zero, TimerDelay.Until(Now, Now));
        Assert.Equal(TimeSpan.Zero, TimerDelay.Until(Now.AddSeconds(-1), Now));
    }
}
