using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Rules.Validation.Conditions;

/// <summary>by name, sku or category with values; or by priceRange with min..max. Never both shapes.</summary>
internal sealed class ViewedProductConditionValidator : ConditionValidator<ViewedProductCondition>
{
    protected override void Validate(ValidationScope at, ViewedProductCondition condition, LibraryIndex library)
    {
        Check.Enum(at["mode"], condition.Mode, required: false, "mode");
        Check.Enum(at["by"], condition.By, required: true, "by");
        if (condition.By is not { } by || !Enum.IsDefined(by)) return;
        if (by == ProductField.PriceRange)
        {
            Ranges.Validate(at, condition.Min, condition.Max, "by priceRange");
            if (condition.Values is not null) at["values"].Error("values do not apply to by priceRange; give min and max");
        }
        else
        {
            ProductValues.Validate(at["values"], condition.Values);
            Ranges.Absent(at, condition.Min, condition.Max, $"to by {Check.CamelCase(by.ToString())}; only priceRange has a range");
        }
    }
}
