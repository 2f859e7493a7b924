using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.Rules.Conditions;

/// <summary>Include: the current cart holds a product whose name, sku or category is one of the values; exclude: none (rule 14).</summary>
[ConditionType("productsInCart")]
public sealed record ProductsInCartCondition(ProductField? By, IReadOnlyList<string>? Values, ConditionMode? Mode = ConditionMode.Include) : Condition
{
    internal override CompiledCondition Compile(CompileContext context) => new Compiled(By!.Value, Values!.ToArray(), Mode != ConditionMode.Exclude);

    private sealed class Compiled(ProductField by, string[] values, bool include) : CompiledCondition
    {
        public override string Type => "productsInCart";
        public override EventKinds DependsOn => EventKinds.CartUpdate;

        public override bool Evaluate(in EvaluationContext context) => HoldsAny(context.State.Cart.Products) == include;

        private bool HoldsAny(IReadOnlyList<Product> products)
        {
            for (var i = 0; i < products.Count; i++)
                if (ProductFields.IsOneOf(ProductFields.Of(products[i], by), values)) return true;
            return false;
        }

        public override string Describe(in EvaluationContext context, bool value) =>
            (HoldsAny(context.State.Cart.Products) ? "the cart holds" : "the cart holds no")
            + $" product with {ProductFields.Describe(by)} {string.Join(" or ", values.Select(v => $"'{v}'"))}";
    }
}
