namespace Targeting.Rules.Events;

/// <summary>The whole cart as it now is.</summary>
public sealed record CartUpdateEvent : VisitorEvent
{
    public decimal? Total { get; init; }
    public string? Currency { get; init; }
    public IReadOnlyList<Product>? Products { get; init; }

    public override EventKinds Kind => EventKinds.CartUpdate;
}
