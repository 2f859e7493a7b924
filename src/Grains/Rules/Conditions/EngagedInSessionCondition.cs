using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Conditions;

/// <summary>
/// Include: another engagement (or one of <see cref="EngagementIds"/>) reached one of the
/// statuses this session; exclude: the include form is false (rule 17).
/// </summary>
[ConditionType("engagedInSession")]
public sealed record EngagedInSessionCondition(
    IReadOnlyList<EngagementStatus>? Statuses,
    IReadOnlyList<string>? EngagementIds = null,
    ConditionMode? Mode = ConditionMode.Include) : Condition
{
    internal override CompiledCondition Compile(CompileContext context) => new Compiled(this);

    private sealed class Compiled(EngagedInSessionCondition definition) : CompiledCondition
    {
        private readonly EngagementStatuses _wanted = definition.Statuses!.Aggregate(EngagementStatuses.None, (all, s) => all | Flag(s));
        private readonly string[]? _engagementIds = definition.EngagementIds?.ToArray();
        private readonly bool _include = definition.Mode != ConditionMode.Exclude;

        public override string Type => "engagedInSession";
        public override EventKinds DependsOn => EventKinds.EngagementStatus;
        public override bool DependsOnEngagement => true;

        public override bool Evaluate(in EvaluationContext context) => (FirstMatch(context) is not null) == _include;

        private string? FirstMatch(in EvaluationContext context)
        {
            foreach (var (key, reached) in context.State.Engagements)
                if ((reached & _wanted) != 0 && Counts(key, context.Engagement)) return key;
            return null;
        }

        // Without a list, any engagement but the one being decided; with one, those listed.
        private bool Counts(string key, CompiledEngagement? self)
        {
            if (_engagementIds is null) return self is null || key != self.Key;
            var engagementId = key.AsSpan(key.IndexOf('/') + 1);
            foreach (var id in _engagementIds)
                if (engagementId.SequenceEqual(id)) return true;
            return false;
        }

        public override string Describe(in EvaluationContext context, bool value)
        {
            var statuses = string.Join(" or ", definition.Statuses!.Select(s => s.ToString().ToLowerInvariant()));
            var scope = _engagementIds is null ? "another engagement" : $"engagement {string.Join(" or ", _engagementIds.Select(e => $"'{e}'"))}";
            return FirstMatch(context) is { } key
                ? $"'{key}' was {statuses} this session" + (_include ? "" : " (exclude: none may be)")
                : $"no {scope} was {statuses} this session" + (_include ? "" : " (exclude: none may be)");
        }

        private static EngagementStatuses Flag(EngagementStatus status) => status switch
        {
            EngagementStatus.Exposed => EngagementStatuses.Exposed,
            EngagementStatus.Declined => EngagementStatuses.Declined,
            EngagementStatus.Clicked => EngagementStatuses.Clicked,
            _ => EngagementStatuses.Interacted,
        };
    }
}
