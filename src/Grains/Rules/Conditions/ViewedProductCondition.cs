using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Conditions;

/// <summary>Include: a product viewed this session matches by name, sku, category or price range; exclude: none did (rule 15).</summary>
[ConditionType("viewedProduct")]
public sealed record ViewedProductCondition(
    ProductField? By,
    IReadOnlyList<string>? Values = null,
    decimal? Min = null,
    decimal? Max = null,
    ConditionMode? Mode = ConditionMode.Include) : Condition
{
    internal override CompiledCondition Compile(CompileContext context) => new Compiled(this);

    private sealed class Compiled(ViewedProductCondition definition) : CompiledCondition
    {
        private readonly ProductField _by = definition.By!.Value;
        private readonly string[] _values = definition.Values?.ToArray() ?? [];
        private readonly decimal _min = definition.Min ?? 0;
        private readonly decimal _max = definition.Max ?? decimal.MaxValue;
        private readonly bool _include = definition.Mode != ConditionMode.Exclude;

        public override string Type => "viewedProduct";
        public override EventKinds DependsOn => EventKinds.ProductView;

        public override bool Evaluate(in EvaluationContext context) => ViewedAny(context.State.Viewed) == _include;

        private bool ViewedAny(ViewedProducts viewed)
        {
            if (_by == ProductField.PriceRange)
            {
                foreach (var price in viewed.Prices)
                    if (_min <= price && price <= _max) return true;
                return false;
            }
            var seen = _by switch
            {
                ProductField.Name => viewed.Names,
                ProductField.Sku => viewed.Skus,
                _ => viewed.Categories,
            };
            foreach (var value in _values)
                if (seen.Contains(value)) return true;
            return false;
        }

        public override string Describe(in EvaluationContext context, bool value)
        {
            var what = _by == ProductField.PriceRange
                ? $"a product priced {_min}..{definition.Max?.ToString() ?? "∞"}"
                : $"a product with {ProductFields.Describe(_by)} {string.Join(" or ", _values.Select(v => $"'{v}'"))}";
            return (ViewedAny(context.State.Viewed) ? "viewed " : "has not viewed ") + what;
        }
    }
}
