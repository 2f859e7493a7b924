using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;

namespace Targeting.Rules.Conditions;

/// <summary>The visitor spent at least <see cref="Seconds"/> on every listed entry point (rules 9, 10). Web only.</summary>
[ConditionType("timeOnEntryPoint")]
public sealed record TimeOnEntryPointCondition(IReadOnlyList<string>? EntryPointIds, int? Seconds) : Condition
{
    public const int MaxSeconds = 86_400;

    [System.Text.Json.Serialization.JsonIgnore]
    public override bool IsWebOnly => true;

    [System.Text.Json.Serialization.JsonIgnore]
    public override IReadOnlyList<string> ReferencedEntryPoints => EntryPointIds ?? [];

    internal override CompiledCondition Compile(CompileContext context) =>
        new Compiled(EntryPointIds!.Select(context.EntryPoint).ToArray(), TimeSpan.FromSeconds(Seconds!.Value));

    private sealed class Compiled(CompiledEntryPoint[] entryPoints, TimeSpan threshold) : CompiledCondition
    {
        public override string Type => "timeOnEntryPoint";
        public override EventKinds DependsOn => EventKinds.Time | EventKinds.PageView;

        public override bool Evaluate(in EvaluationContext context)
        {
            foreach (var entryPoint in entryPoints)
                if (context.DwellOn(entryPoint) < threshold) return false;
            return true;
        }

        // Only the current page accrues time: the threshold can pass by waiting only if every
        // entry point still short of it is the current location.
        public override DateTimeOffset? BecomesTrueAt(in EvaluationContext context)
        {
            var longest = TimeSpan.Zero;
            foreach (var entryPoint in entryPoints)
            {
                var missing = threshold - context.DwellOn(entryPoint);
                if (missing <= TimeSpan.Zero) continue;
                if (!context.IsOn(entryPoint)) return null;
                if (missing > longest) longest = missing;
            }
            // Already met but not yet evaluated (a timer that fired a hair early, then time moved
            // on): due now, so the caller re-evaluates at once instead of waiting for an event.
            return context.Now + longest;
        }

        public override string Describe(in EvaluationContext context, bool value)
        {
            var parts = new List<string>(entryPoints.Length);
            foreach (var entryPoint in entryPoints)
                parts.Add($"{(int)context.DwellOn(entryPoint).TotalSeconds} s of {(int)threshold.TotalSeconds} s on '{entryPoint.Label}'");
            return string.Join(", ", parts);
        }
    }
}
