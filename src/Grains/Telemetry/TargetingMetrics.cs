using System.Diagnostics.Metrics;

namespace Targeting.Telemetry;

/// <summary>
/// The product's own OpenTelemetry instruments (meter <c>Targeting</c>), beside Orleans' own
/// (<c>Microsoft.Orleans</c>). Static, as is usual for a process-wide meter: every silo and gateway
/// process reports its own share, and a collector adds them up.
/// </summary>
public static class TargetingMetrics
{
    public const string MeterName = "Targeting";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Visitor events applied (duplicates skipped are not counted); rate = events/s.</summary>
    public static readonly Counter<long> EventsApplied = Meter.CreateCounter<long>("targeting.events.applied", "{event}");

    /// <summary>Decisions pushed to subscribed streams because the eligible list changed.</summary>
    public static readonly Counter<long> DecisionsPushed = Meter.CreateCounter<long>("targeting.decisions.pushed", "{decision}");

    /// <summary>From a batch's arrival at its session to its decision being stored: apply, decide, persist.</summary>
    public static readonly Histogram<double> DecisionLatency = Meter.CreateHistogram<double>("targeting.decision.latency", "ms");

    /// <summary>Session grains active in this silo.</summary>
    public static readonly UpDownCounter<long> ActiveSessions = Meter.CreateUpDownCounter<long>("targeting.sessions.active", "{session}");

    /// <summary>Server-Sent Events connections open on this gateway.</summary>
    public static readonly UpDownCounter<long> SseConnections = Meter.CreateUpDownCounter<long>("targeting.sse.connections", "{connection}");

    /// <summary>How late a session was woken (by the silo's SessionAlarms) against the moment it was armed for.</summary>
    public static readonly Histogram<double> TimerLateness = Meter.CreateHistogram<double>("targeting.timer.lateness", "ms");
}
