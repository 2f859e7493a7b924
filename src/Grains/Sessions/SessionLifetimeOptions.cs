namespace Targeting.Sessions;

/// <summary>Configuration section <c>Targeting:Sessions</c>.</summary>
public sealed class SessionLifetimeOptions
{
    public const string Section = "Targeting:Sessions";

    /// <summary>A session without events for this long ends: its id answers 404 and its state is deleted.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a push subscription lives unless renewed; gateways renew at a third of it.</summary>
    public TimeSpan SubscriptionExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a session's activation stays in memory without calls; then the silo collects it and
    /// its alarm (<see cref="SessionAlarms"/>) wakes it from storage at its next moment.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(2);
}
