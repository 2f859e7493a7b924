using static Targeting.Tests.Validation.BehaviorValidationTests;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

public class CartAndProductConditionValidationTests
{
    // cartValue

    [Theory]
    [InlineData("""{"type": "cartValue", "operator": "between", "min": 50, "max": 100}""")]
    [InlineData("""{"type": "cartValue", "operator": "between", "min": 0, "max": 0, "currency": "EUR"}""")]
    [InlineData("""{"type": "cartValue", "operator": "decreased"}""")]
    [InlineData("""{"type": "cartValue", "operator": "decreasedToZero"}""")]
    public void Cart_value_of_each_operator_is_valid(string condition) => IsValid(ValidateCondition(condition));

    [Fact]
    public void Cart_value_without_operator_is_refused_at_operator() =>
        HasOnlyError(ValidateCondition("""{"type": "cartValue", "min": 1, "max": 2}"""), "conditions[1].operator", "between | decreased | decreasedToZero");

    [Fact]
    public void Cart_value_between_without_min_is_refused_at_min() =>
        HasOnlyError(ValidateCondition("""{"type": "cartValue", "operator": "between", "max": 100}"""), "conditions[1].min", "required");

    [Fact]
    public void Cart_value_between_without_max_is_refused_at_max() =>
        HasOnlyError(ValidateCondition("""{"type": "cartValue", "operator": "between", "min": 50}"""), "conditions[1].max", "required");

    [Fact]
    public void Cart_value_between_with_negative_min_is_refused_at_min() =>
        HasOnlyError(ValidateCondition("""{"type": "cartValue", "operator": "between", "min": -1, "max": 100}"""), "conditions[1].min", "0 or more");

    [Fact]
    public void Cart_value_between_with_min_above_max_is_refused_at_min() =>
        HasOnlyError(ValidateCondition("""{"type": "cartValue", "operator": "between", "min": 100, "max": 50}"""), "conditions[1].min", "greater than max 50");

    [Theory]
    [InlineData("decreased", "min")]
    [InlineData("decreased", "max")]
    [InlineData("decreasedToZero", "min")]
    [InlineData("decreasedToZero", "currency")]
    public void Cart_value_decrease_takes_no_range(string @operator, string field)
    {
        var value = field == "currency" ? "\"EUR\"" : "10";
        HasOnlyError(ValidateCondition($$"""{"type": "cartValue", "operator": "{{@operator}}", "{{field}}": {{value}}}"""),
            $"conditions[1].{field}", $"does not apply to operator {@operator}");
    }

    // productsInCart

    [Theory]
    [InlineData("name")]
    [InlineData("sku")]
    [InlineData("category")]
    public void Products_in_cart_by_each_field_is_valid(string by) =>
        IsValid(ValidateCondition($$"""{"type": "productsInCart", "mode": "exclude", "by": "{{by}}", "values": ["tv"]}"""));

    [Fact]
    public void Products_in_cart_by_price_range_is_refused_at_by() =>
        HasOnlyError(ValidateCondition("""{"type": "productsInCart", "by": "priceRange", "values": ["tv"]}"""), "conditions[1].by", "priceRange is for viewedProduct");

    [Fact]
    public void Products_in_cart_without_by_is_refused_at_by() =>
        HasOnlyError(ValidateCondition("""{"type": "productsInCart", "values": ["tv"]}"""), "conditions[1].by", "required");

    [Theory]
    [InlineData("", "required")]
    [InlineData(""", "values": []""", "at least 1")]
    public void Products_in_cart_without_values_is_refused_at_values(string values, string fragment) =>
        HasOnlyError(ValidateCondition($$"""{"type": "productsInCart", "by": "sku"{{values}}}"""), "conditions[1].values", fragment);

    [Fact]
    public void Products_in_cart_with_an_empty_value_is_refused_at_that_value() =>
        HasOnlyError(ValidateCondition("""{"type": "productsInCart", "by": "sku", "values": ["a", ""]}"""), "conditions[1].values[1]", "empty");

    [Fact]
    public void Products_in_cart_with_more_than_100_values_is_refused_at_values()
    {
        var values = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"v{i}\""));
        HasOnlyError(ValidateCondition($$"""{"type": "productsInCart", "by": "sku", "values": [{{values}}]}"""), "conditions[1].values", "at most 100");
    }

    // viewedProduct

    [Theory]
    [InlineData("""{"type": "viewedProduct", "by": "category", "values": ["tv"]}""")]
    [InlineData("""{"type": "viewedProduct", "mode": "exclude", "by": "priceRange", "min": 10, "max": 10}""")]
    public void Viewed_product_by_values_or_by_price_range_is_valid(string condition) => IsValid(ValidateCondition(condition));

    [Fact]
    public void Viewed_product_by_name_without_values_is_refused_at_values() =>
        HasOnlyError(ValidateCondition("""{"type": "viewedProduct", "by": "name"}"""), "conditions[1].values", "required");

    [Fact]
    public void Viewed_product_by_name_with_a_range_is_refused_at_min() =>
        HasOnlyError(ValidateCondition("""{"type": "viewedProduct", "by": "name", "values": ["tv"], "min": 1}"""), "conditions[1].min", "only priceRange");

    [Fact]
    public void Viewed_product_by_price_range_without_max_is_refused_at_max() =>
        HasOnlyError(ValidateCondition("""{"type": "viewedProduct", "by": "priceRange", "min": 10}"""), "conditions[1].max", "required");

    [Fact]
    public void Viewed_product_by_price_range_with_min_above_max_is_refused_at_min() =>
        HasOnlyError(ValidateCondition("""{"type": "viewedProduct", "by": "priceRange", "min": 20, "max": 10}"""), "conditions[1].min", "greater than max");

    [Fact]
    public void Viewed_product_by_price_range_with_values_is_refused_at_values() =>
        HasOnlyError(ValidateCondition("""{"type": "viewedProduct", "by": "priceRange", "min": 1, "max": 2, "values": ["tv"]}"""), "conditions[1].values", "do not apply");

    [Fact]
    public void Viewed_product_without_by_is_refused_at_by() =>
        HasOnlyError(ValidateCondition("""{"type": "viewedProduct", "values": ["tv"]}"""), "conditions[1].by", "name | sku | category | priceRange");
}
