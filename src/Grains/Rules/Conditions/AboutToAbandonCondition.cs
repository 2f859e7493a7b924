using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;

namespace Targeting.Rules.Conditions;

/// <summary>Exit intent was seen on the current page (rule 12). Web only.</summary>
[ConditionType("aboutToAbandon")]
public sealed record AboutToAbandonCondition : Condition
{
    [System.Text.Json.Serialization.JsonIgnore]
    public override bool IsWebOnly => true;

    internal override CompiledCondition Compile(CompileContext context) => new Compiled();

    private sealed class Compiled : CompiledCondition
    {
        public override string Type => "aboutToAbandon";
        public override EventKinds DependsOn => EventKinds.AboutToAbandon | EventKinds.PageView;

        public override bool Evaluate(in EvaluationContext context) => context.State.AboutToAbandon;

        public override string Describe(in EvaluationContext context, bool value) =>
            value ? "the visitor is about to leave (exit intent on this page)" : "no exit intent since the last page view";
    }
}
