using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.Rules.Conditions;

/// <summary>
/// The error with this message occurred at least <see cref="Instance"/> times, or an error with
/// this code occurred; exclude: the include form is false (rule 16).
/// </summary>
[ConditionType("visitorError")]
public sealed record VisitorErrorCondition(string? Message = null, int? Instance = null, string? Code = null, ConditionMode? Mode = ConditionMode.Include) : Condition
{
    internal override CompiledCondition Compile(CompileContext context) => new Compiled(this);

    private sealed class Compiled(VisitorErrorCondition definition) : CompiledCondition
    {
        private readonly int _instance = definition.Instance ?? 1;
        private readonly bool _include = definition.Mode != ConditionMode.Exclude;

        public override string Type => "visitorError";
        public override EventKinds DependsOn => EventKinds.VisitorError;

        public override bool Evaluate(in EvaluationContext context) => Occurred(context) == _include;

        private bool Occurred(in EvaluationContext context) => definition.Message is { } message
            ? context.State.ErrorsByMessage.GetValueOrDefault(message) >= _instance
            : context.State.ErrorsByCode.ContainsKey(definition.Code ?? "");

        public override string Describe(in EvaluationContext context, bool value) => definition.Message is { } message
            ? $"error '{message}' occurred {context.State.ErrorsByMessage.GetValueOrDefault(message)} time(s); the condition needs {_instance}"
              + (_include ? "" : " (exclude: it must not)")
            : $"error code '{definition.Code}' " + (Occurred(context) ? "occurred" : "has not occurred") + (_include ? "" : " (exclude: it must not)");
    }
}
