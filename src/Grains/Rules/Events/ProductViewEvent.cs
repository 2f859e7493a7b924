namespace Targeting.Rules.Events;

public sealed record ProductViewEvent : VisitorEvent
{
    public IReadOnlyList<Product>? Products { get; init; }
    public string? Currency { get; init; }

    public override EventKinds Kind => EventKinds.ProductView;
}
