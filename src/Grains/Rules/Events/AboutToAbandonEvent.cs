namespace Targeting.Rules.Events;

/// <summary>Exit intent: the web tag saw the pointer leave through the top of the window.</summary>
public sealed record AboutToAbandonEvent : VisitorEvent
{
    public override EventKinds Kind => EventKinds.AboutToAbandon;
}
