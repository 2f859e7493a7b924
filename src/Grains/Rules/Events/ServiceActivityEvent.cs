using Targeting.Rules.Library;

namespace Targeting.Rules.Events;

public sealed record ServiceActivityEvent : VisitorEvent
{
    public string? Topic { get; init; }
    public ServiceStatus? Status { get; init; }

    public override EventKinds Kind => EventKinds.ServiceActivity;
}
