namespace Targeting.Sessions;

/// <summary>Configuration section <c>Targeting:Sessions</c>.</summary>
public sealed class SessionLifetimeOptions
{
    public const string Section = "Targeting:Sessions";

    /// <summary>A session without events for this long ends: its id answers 404 and its state is deleted.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a push subscription lives unless renewed; gateways renew at a third of it.</summary>
    public TimeSpan SubscriptionExpiry { get; set; } = TimeSpan.FromMinutes(2);
}
