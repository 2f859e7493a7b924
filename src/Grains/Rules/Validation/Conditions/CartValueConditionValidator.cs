using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Rules.Validation.Conditions;

/// <summary>between needs min..max (and may name a currency); decreased and decreasedToZero take neither.</summary>
internal sealed class CartValueConditionValidator : ConditionValidator<CartValueCondition>
{
    protected override void Validate(ValidationScope at, CartValueCondition condition, LibraryIndex library)
    {
        Check.Enum(at["operator"], condition.Operator, required: true, "operator");
        if (condition.Operator == CartValueOperator.Between)
        {
            Ranges.Validate(at, condition.Min, condition.Max, "operator between");
            Check.Text(at["currency"], condition.Currency, Limits.MaxCurrencyLength, required: false, "currency");
        }
        else if (condition.Operator is { } other && Enum.IsDefined(other))
        {
            var why = $"to operator {Check.CamelCase(other.ToString())}";
            Ranges.Absent(at, condition.Min, condition.Max, why);
            if (condition.Currency is not null) at["currency"].Error($"currency does not apply {why}");
        }
    }
}
