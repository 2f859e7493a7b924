using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.Rules.Conditions;

/// <summary>Include: one of the entry points was visited this session; exclude: none was (rule 11).</summary>
[ConditionType("visitedEntryPoint")]
public sealed record VisitedEntryPointCondition(IReadOnlyList<string>? EntryPointIds, ConditionMode? Mode = ConditionMode.Include) : Condition
{
    [System.Text.Json.Serialization.JsonIgnore]
    public override IReadOnlyList<string> ReferencedEntryPoints => EntryPointIds ?? [];

    internal override CompiledCondition Compile(CompileContext context) =>
        new Compiled(EntryPointIds!.Select(context.EntryPoint).ToArray(), Mode != ConditionMode.Exclude);

    private sealed class Compiled(CompiledEntryPoint[] entryPoints, bool include) : CompiledCondition
    {
        public override string Type => "visitedEntryPoint";
        public override EventKinds DependsOn => EventKinds.PageView;

        public override bool Evaluate(in EvaluationContext context) => VisitedAny(context) == include;

        private bool VisitedAny(in EvaluationContext context)
        {
            foreach (var entryPoint in entryPoints)
                if (context.State.VisitedEntryPoints.Contains(entryPoint.Id)) return true;
            return false;
        }

        public override string Describe(in EvaluationContext context, bool value)
        {
            var state = context.State;
            var visited = entryPoints.Where(e => state.VisitedEntryPoints.Contains(e.Id)).Select(e => $"'{e.Label}'").ToArray();
            return visited.Length > 0
                ? $"visited {string.Join(", ", visited)}"
                : $"has not visited {string.Join(" or ", entryPoints.Select(e => $"'{e.Label}'"))}";
        }
    }
}
