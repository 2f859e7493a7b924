using System.Numerics;
using Targeting.Rules.Compilation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Evaluation;

/// <summary>
/// The rule engine's entry points. Each is a function of the session state, the rule set and
/// the time (callers read it from a <see cref="TimeProvider"/>): apply events, decide, find the
/// next moment a time condition would flip, explain. The state is updated in place.
/// </summary>
public static class SessionEngine
{
    public static SessionState Start(string sessionId, Source source, DateTimeOffset now) =>
        new() { SessionId = sessionId, Source = source, StartedAt = now, LastActivityAt = now };

    /// <summary>Applies one event; false when its id was applied before (the event is skipped).</summary>
    public static bool Apply(SessionState state, VisitorEvent e, RuleSet ruleSet, DateTimeOffset now)
    {
        if (e.Id is { } id && state.RecentEventIds.Contains(id)) return false;
        EventApplier.Apply(state, CacheFor(state, ruleSet), e, now);
        state.LastActivityAt = now;
        if (e.Id is not null) state.RecentEventIds.Add(e.Id);
        return true;
    }

    /// <summary>
    /// Re-evaluates what the events since the last call (and the clock) can have changed, and
    /// updates the offered list (rule 20). True when the list changed, with a new revision.
    /// </summary>
    public static bool Decide(SessionState state, RuleSet ruleSet, DateTimeOffset now)
    {
        var cache = CacheFor(state, ruleSet);
        var context = new EvaluationContext(state, cache, now);
        var full = cache.NeedsFullEvaluation;
        if (full)
            EvaluateAll(context);
        else
            EvaluateDirty(context);

        var changed = full;
        for (var i = 0; i < cache.DirtyCount; i++)
        {
            var e = cache.DirtyAt(i);
            var eligible = EligibilityOf(context, cache.Rules.Engagements[e]) == 0;
            if (eligible == cache.Eligible[e]) continue;
            cache.Eligible[e] = eligible;
            changed = true;
        }
        cache.ClearDirty();
        return changed && Offer(state, cache);
    }

    /// <summary>The decision as last computed by <see cref="Decide"/>.</summary>
    public static Decision CurrentDecision(SessionState state) =>
        new(state.SessionId, state.Revision, state.Offered.ToArray());

    /// <summary>The earliest moment a pending time condition would turn true, if any (rule 10).</summary>
    public static DateTimeOffset? NextDeadline(SessionState state, RuleSet ruleSet, DateTimeOffset now)
    {
        var cache = CacheFor(state, ruleSet);
        var context = new EvaluationContext(state, cache, now);
        DateTimeOffset? earliest = null;
        foreach (var c in cache.Rules.TimedConditions)
        {
            if (cache.ConditionValues[c] || !UsedByOpenEngagement(context, c)) continue;
            if (cache.Rules.Conditions[c].BecomesTrueAt(context) is { } at && (earliest is null || at < earliest))
                earliest = at;
        }
        return earliest;
    }

    /// <summary>Why each published engagement of the session's source is, or is not, eligible now.</summary>
    public static SessionExplanation Explain(SessionState state, RuleSet ruleSet, DateTimeOffset now)
    {
        var cache = CacheFor(state, ruleSet);
        var context = new EvaluationContext(state, cache, now);
        var engagements = cache.Rules.Engagements.Select(e => Explainer.Explain(context.For(e), EligibilityOf(context, e))).ToArray();
        return new SessionExplanation(state.SessionId, ruleSet.Version, engagements);
    }

    /// <summary>What blocks an engagement now: none (eligible), or some <see cref="Blocked"/> flags (rule 19).</summary>
    internal static Blocked EligibilityOf(in EvaluationContext context, CompiledEngagement engagement)
    {
        var blocked = Blocked.None;
        if (context.State.Engagements.TryGetValue(engagement.Key, out var statuses) && statuses.HasFlag(EngagementStatuses.Declined))
            blocked |= Blocked.Declined;
        if (engagement.EntryPoints.Length > 0 && !OnAny(context.Cache, engagement.EntryPoints))
            blocked |= Blocked.EntryPoint;
        if (!BehaviorHolds(context, engagement))
            blocked |= Blocked.Behavior;
        return blocked;
    }

    private static bool BehaviorHolds(in EvaluationContext context, CompiledEngagement engagement)
    {
        var conditions = engagement.Conditions;
        if (conditions.Length == 0) return true; // "All behaviors"
        var any = engagement.Match == BehaviorMatch.Any;
        foreach (var c in conditions)
        {
            var condition = context.Cache.Rules.Conditions[c];
            var value = condition.DependsOnEngagement ? condition.Evaluate(context.For(engagement)) : context.Cache.ConditionValues[c];
            if (value == any) return any;
        }
        return !any;
    }

    private static bool OnAny(EvaluationCache cache, int[] entryPoints)
    {
        foreach (var index in entryPoints)
            if (cache.OnEntryPoint[index]) return true;
        return false;
    }

    private static void EvaluateAll(in EvaluationContext context)
    {
        var rules = context.Cache.Rules;
        for (var c = 0; c < rules.Conditions.Length; c++)
            context.Cache.ConditionValues[c] = !rules.Conditions[c].DependsOnEngagement && rules.Conditions[c].Evaluate(context);
        for (var e = 0; e < rules.Engagements.Length; e++)
            context.Cache.MarkDirty(e);
        ScheduleTimeCheck(context);
    }

    private static void EvaluateDirty(in EvaluationContext context)
    {
        var cache = context.Cache;
        var pageView = cache.Dirty.HasFlag(EventKinds.PageView); // re-evaluates the timed conditions too
        var timeDue = !pageView && (context.Now >= cache.TimeDue || context.Now < cache.TimeCheckedAt);
        var kinds = (uint)(timeDue ? cache.Dirty | EventKinds.Time : cache.Dirty);
        while (kinds != 0)
        {
            var bit = BitOperations.TrailingZeroCount(kinds);
            kinds &= kinds - 1;
            foreach (var c in cache.Rules.ConditionsByKind[bit])
                Reevaluate(context, c);
        }
        if (pageView)
            foreach (var e in cache.Rules.FilteredEngagements)
                cache.MarkDirty(e);
        if (pageView || timeDue) ScheduleTimeCheck(context);
    }

    // A timed condition changes only by a page view or by reaching the moment it turns true
    // (dwell only grows), so other events skip them until that moment: an event's cost stays
    // with the conditions it can change, however many time conditions the rule set has.
    private static void ScheduleTimeCheck(in EvaluationContext context)
    {
        var cache = context.Cache;
        var due = DateTimeOffset.MaxValue;
        foreach (var c in cache.Rules.TimedConditions)
            if (!cache.ConditionValues[c] && cache.Rules.Conditions[c].BecomesTrueAt(context) is { } at && at < due)
                due = at;
        cache.TimeDue = due;
        cache.TimeCheckedAt = context.Now;
    }

    private static void Reevaluate(in EvaluationContext context, int c)
    {
        var cache = context.Cache;
        var condition = cache.Rules.Conditions[c];
        if (!condition.DependsOnEngagement)
        {
            var value = condition.Evaluate(context);
            if (value == cache.ConditionValues[c]) return;
            cache.ConditionValues[c] = value;
        }
        foreach (var e in cache.Rules.EngagementsByCondition[c])
            cache.MarkDirty(e);
    }

    private static bool UsedByOpenEngagement(in EvaluationContext context, int c)
    {
        foreach (var e in context.Cache.Rules.EngagementsByCondition[c])
            if (!context.Cache.Eligible[e]) return true;
        return false;
    }

    // Replaces the offered list when its content differs, with the rule set's shared entries.
    private static bool Offer(SessionState state, EvaluationCache cache)
    {
        var engagements = cache.Rules.Engagements;
        var same = true;
        var k = 0;
        for (var e = 0; e < engagements.Length && same; e++)
        {
            if (!cache.Eligible[e]) continue;
            same = k < state.Offered.Count && IsOffered(state.Offered[k], engagements[e]);
            k++;
        }
        if (same && k == state.Offered.Count) return false;

        state.Offered.Clear();
        for (var e = 0; e < engagements.Length; e++)
            if (cache.Eligible[e])
                state.Offered.Add(engagements[e].Decision);
        state.Revision++;
        return true;
    }

    private static bool IsOffered(DecisionEngagement offered, CompiledEngagement engagement) =>
        ReferenceEquals(offered, engagement.Decision) || offered.CampaignId == engagement.CampaignId && offered.EngagementId == engagement.EngagementId
        && offered.Kind == engagement.Kind && offered.Name == engagement.Name && offered.Priority == engagement.Priority;

    // Rule 21: one rule set version at a time; a changed flow starts over.
    private static EvaluationCache CacheFor(SessionState state, RuleSet ruleSet)
    {
        if (state.Cache is { } cache && ReferenceEquals(cache.RuleSet, ruleSet)) return cache;
        foreach (var flow in ruleSet.Flows)
            if (state.Flows.TryGetValue(flow.Id, out var progress) && progress.FlowVersion != flow.Version)
                state.Flows.Remove(flow.Id);
        state.RuleSetVersion = ruleSet.Version;
        return state.Cache = new EvaluationCache(ruleSet, state);
    }
}

[Flags]
internal enum Blocked
{
    None = 0,
    Behavior = 1,
    EntryPoint = 2,
    Declined = 4,
}
