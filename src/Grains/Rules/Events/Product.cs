namespace Targeting.Rules.Events;

/// <summary>A product in a cart or on a product page.</summary>
public sealed record Product(string? Name, string? Sku, string? Category, decimal? Price, int? Quantity = null);
