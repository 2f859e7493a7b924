namespace Targeting.Rules.Validation.Conditions;

/// <summary>The names, skus or categories a product condition looks for.</summary>
internal static class ProductValues
{
    public static void Validate(ValidationScope at, IReadOnlyList<string>? values)
    {
        if (!Check.Count(at, values, 1, Limits.MaxValues, "values")) return;
        for (var i = 0; i < values!.Count; i++)
            Check.Text(at[i], values[i], Limits.MaxProductFieldLength, required: true, "value");
    }
}
