using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Rules.Validation.Conditions;

internal sealed class ProductsInCartConditionValidator : ConditionValidator<ProductsInCartCondition>
{
    protected override void Validate(ValidationScope at, ProductsInCartCondition condition, LibraryIndex library)
    {
        Check.Enum(at["mode"], condition.Mode, required: false, "mode");
        if (condition.By == ProductField.PriceRange)
            at["by"].Error("productsInCart compares name, sku or category; priceRange is for viewedProduct");
        else
            Check.Enum(at["by"], condition.By, required: true, "by");
        ProductValues.Validate(at["values"], condition.Values);
    }
}
