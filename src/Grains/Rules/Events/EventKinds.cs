namespace Targeting.Rules.Events;

/// <summary>
/// What can change a condition: each compiled condition declares the kinds it depends on, so
/// an event re-evaluates only the conditions it can affect. <see cref="Time"/> is the clock.
/// </summary>
[Flags]
public enum EventKinds
{
    None = 0,
    PageView = 1 << 0,
    CartUpdate = 1 << 1,
    ProductView = 1 << 2,
    VisitorError = 1 << 3,
    ServiceActivity = 1 << 4,
    EngagementStatus = 1 << 5,
    AboutToAbandon = 1 << 6,
    Time = 1 << 7,
    All = (1 << 8) - 1,
}
