using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.Rules.Conditions;

/// <summary>The visitor abandoned a flow, or went back in it (rules 3–8).</summary>
[ConditionType("flow")]
public sealed record FlowCondition(string? FlowId, FlowTrigger? Trigger) : Condition
{
    [System.Text.Json.Serialization.JsonIgnore]
    public override IReadOnlyList<string> ReferencedFlows => FlowId is null ? [] : [FlowId];

    internal override CompiledCondition Compile(CompileContext context) => new Compiled(context.Flow(FlowId!), Trigger!.Value);

    private sealed class Compiled(CompiledFlow flow, FlowTrigger trigger) : CompiledCondition
    {
        public override string Type => "flow";
        public override EventKinds DependsOn => EventKinds.PageView;

        public override bool Evaluate(in EvaluationContext context) =>
            context.State.Flows.TryGetValue(flow.Id, out var p)
            && (trigger == FlowTrigger.Abandoned ? p.Abandoned : p.Backflow);

        public override string Describe(in EvaluationContext context, bool value)
        {
            var name = $"flow '{flow.Label}'";
            if (!context.State.Flows.TryGetValue(flow.Id, out var p)) return $"has not entered {name}";
            if (p.Completed) return $"completed {name}, which then triggers nothing more";
            if (p.Abandoned) return $"left {name} at step {p.LeftAt + 1} of {flow.StepCount}";
            if (p.Step < 0) return $"has not entered {name}";
            return p.Backflow
                ? $"went back in {name} to step {p.Step + 1} of {flow.StepCount}"
                : $"in {name} at step {p.Step + 1} of {flow.StepCount}, " + (trigger == FlowTrigger.Abandoned ? "has not left it" : "has not gone back");
        }
    }
}
