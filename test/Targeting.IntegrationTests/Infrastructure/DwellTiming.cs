using System.Diagnostics;

namespace Targeting.IntegrationTests.Infrastructure;

/// <summary>
/// When a dwell push arrived, measured against both ends of the event that started the dwell:
/// the server saw the landing after the request was sent and before its answer came back, so the
/// threshold lies between "sent + seconds" and "acknowledged + seconds". Bounding each side by its
/// own end keeps a slow request on a busy machine out of the one-second budget of rule 10.
/// </summary>
public sealed record DwellTiming(DecisionDto Acknowledged, SseEvent Pushed, TimeSpan AcknowledgedAfter, TimeSpan PushedAfter)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static async Task<DwellTiming> MeasureAsync(Func<Task<DecisionDto>> land, SseReader stream)
    {
        var clock = Stopwatch.StartNew();
        var acknowledged = await land();
        var acknowledgedAfter = clock.Elapsed;
        var pushed = await stream.NextAsync(Wait);
        return new DwellTiming(acknowledged, pushed, acknowledgedAfter, clock.Elapsed);
    }

    public void AssertPushedWithinASecondOfThreshold(TimeSpan threshold)
    {
        // A little under the threshold: the stopwatch and the server's clock tick differently.
        var earliest = threshold - TimeSpan.FromMilliseconds(100);
        Assert.True(PushedAfter >= earliest, $"pushed {PushedAfter.TotalSeconds:F2} s after the landing was sent: before its {threshold.TotalSeconds} s threshold");
        var sinceAcknowledged = PushedAfter - AcknowledgedAfter;
        Assert.True(sinceAcknowledged <= threshold + TimeSpan.FromSeconds(1),
            $"pushed {sinceAcknowledged.TotalSeconds:F2} s after the landing was acknowledged: more than a second after its {threshold.TotalSeconds} s threshold");
    }
}
