using System.Text.Json.Serialization;

namespace Targeting.Rules.Sessions;

/// <summary>What the visitor looked at this session (rule 15), bounded so that a long session stays small.</summary>
public sealed class ViewedProducts
{
    /// <summary>How many distinct values of each kind a session keeps; later ones are not remembered.</summary>
    public const int Capacity = 500;

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public HashSet<string> Skus { get; } = new(StringComparer.OrdinalIgnoreCase);
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public HashSet<string> Categories { get; } = new(StringComparer.OrdinalIgnoreCase);
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public HashSet<decimal> Prices { get; } = [];

    public void Add(Events.Product product)
    {
        AddBounded(Names, product.Name);
        AddBounded(Skus, product.Sku);
        AddBounded(Categories, product.Category);
        if (product.Price is { } price && Prices.Count < Capacity) Prices.Add(price);
    }

    private static void AddBounded(HashSet<string> set, string? value)
    {
        if (!string.IsNullOrEmpty(value) && set.Count < Capacity) set.Add(value);
    }
}
