namespace Targeting.Rules.Events;

/// <summary>An error the visitor met: a message, a code, or both.</summary>
public sealed record VisitorErrorEvent : VisitorEvent
{
    public string? Message { get; init; }
    public string? Code { get; init; }

    public override EventKinds Kind => EventKinds.VisitorError;
}
