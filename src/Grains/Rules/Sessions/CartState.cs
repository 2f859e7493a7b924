using Targeting.Rules.Events;

namespace Targeting.Rules.Sessions;

/// <summary>The cart as the latest update reported it, and the total before that update (rule 13).</summary>
public sealed class CartState
{
    public bool Reported { get; set; }
    public decimal Total { get; set; }
    public decimal? PreviousTotal { get; set; }
    public string? Currency { get; set; }
    public IReadOnlyList<Product> Products { get; set; } = [];
}
