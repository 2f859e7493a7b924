using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Conditions;

/// <summary>The cart total is between two values, or the latest update lowered it, or took it to zero (rule 13).</summary>
[ConditionType("cartValue")]
public sealed record CartValueCondition(CartValueOperator? Operator, decimal? Min = null, decimal? Max = null, string? Currency = null) : Condition
{
    internal override CompiledCondition Compile(CompileContext context) => new Compiled(this);

    private sealed class Compiled(CartValueCondition definition) : CompiledCondition
    {
        private readonly CartValueOperator _operator = definition.Operator!.Value;
        private readonly decimal _min = definition.Min ?? 0;
        private readonly decimal _max = definition.Max ?? decimal.MaxValue;

        public override string Type => "cartValue";
        public override EventKinds DependsOn => EventKinds.CartUpdate;

        public override bool Evaluate(in EvaluationContext context)
        {
            var cart = context.State.Cart;
            if (!cart.Reported) return false;
            return _operator switch
            {
                CartValueOperator.Between => IsBetween(cart),
                CartValueOperator.Decreased => cart.PreviousTotal is { } previous && cart.Total < previous,
                _ => cart.PreviousTotal > 0 && cart.Total == 0,
            };
        }

        private bool IsBetween(CartState cart) =>
            _min <= cart.Total && cart.Total <= _max
            && (definition.Currency is null || string.Equals(definition.Currency, cart.Currency, StringComparison.OrdinalIgnoreCase));

        public override string Describe(in EvaluationContext context, bool value)
        {
            var cart = context.State.Cart;
            if (!cart.Reported) return "no cart update reported yet";
            return _operator switch
            {
                CartValueOperator.Between when definition.Currency is { } currency && !string.Equals(currency, cart.Currency, StringComparison.OrdinalIgnoreCase)
                    => $"cart currency {cart.Currency ?? "(none)"} is not {currency}",
                CartValueOperator.Between => $"cart total {cart.Total} is {(value ? "" : "not ")}in {_min}..{definition.Max?.ToString() ?? "∞"}",
                CartValueOperator.Decreased => $"cart total went from {cart.PreviousTotal?.ToString() ?? "nothing"} to {cart.Total}" + (value ? ", a decrease" : ", not a decrease"),
                _ => $"cart total went from {cart.PreviousTotal?.ToString() ?? "nothing"} to {cart.Total}" + (value ? ", down to zero" : ", not down to zero"),
            };
        }
    }
}
