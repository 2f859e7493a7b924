using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.Rules.Conditions;

/// <summary>Reads the field a product condition compares, the same way for carts and viewed products.</summary>
internal static class ProductFields
{
    public static string? Of(Product product, ProductField by) => by switch
    {
        ProductField.Name => product.Name,
        ProductField.Sku => product.Sku,
        _ => product.Category,
    };

    public static bool IsOneOf(string? field, string[] values)
    {
        if (field is null) return false;
        foreach (var value in values)
            if (string.Equals(field, value, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static string Describe(ProductField by) => by switch
    {
        ProductField.Name => "name",
        ProductField.Sku => "SKU",
        ProductField.Category => "category",
        _ => "price",
    };
}
