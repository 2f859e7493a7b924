using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Rules.Validation;

/// <summary>
/// The seed's web/mobile support matrix: a mobile engagement may not use a web-only condition,
/// nor a url/title matcher through a flow or entry point it references (mobile apps report
/// sections only, so such an engagement could never show as configured).
/// </summary>
internal static class SupportMatrix
{
    /// <summary>Reports, under <paramref name="at"/> (an engagement), why a mobile engagement cannot be shown as configured.</summary>
    public static void CheckMobileEngagement(ValidationScope at, Engagement engagement, LibraryIndex library, string prefix = "")
    {
        if (engagement.Source != Source.Mobile) return;
        var name = $"{prefix}mobile engagement '{engagement.Id}'";
        if (engagement.BehaviorId is { } behaviorId && library.Behaviors.TryGetValue(behaviorId, out var behavior))
            foreach (var reason in WebOnlyReasons(behavior, library))
                at["behaviorId"].Unsupported($"{name} cannot use behavior '{behaviorId}': {reason}");
        var entryPointIds = engagement.EntryPointIds ?? [];
        for (var i = 0; i < entryPointIds.Count; i++)
        {
            if (entryPointIds[i] is not { } id || !library.EntryPoints.TryGetValue(id, out var entryPoint)) continue;
            if (WebOnlyMatcher(entryPoint.Matchers, "matcher") is { } where)
                at["entryPointIds"][i].Unsupported($"{name} cannot be limited to entry point '{id}': its {where}, which is web only");
        }
    }

    /// <summary>One sentence per condition of the behavior that a mobile engagement cannot use.</summary>
    public static IEnumerable<string> WebOnlyReasons(Behavior behavior, LibraryIndex library)
    {
        foreach (var condition in behavior.Conditions ?? [])
        {
            if (condition is null) continue;
            if (condition.IsWebOnly)
            {
                yield return $"condition '{condition.Type}' is web only";
                continue;
            }
            foreach (var flowId in condition.ReferencedFlows)
                if (library.Flows.TryGetValue(flowId, out var flow)
                    && WebOnlyMatcher((flow.Steps ?? []).Select(s => s?.Matcher).ToArray(), "step") is { } where)
                    yield return $"condition '{condition.Type}' uses flow '{flowId}', whose {where}, which is web only";
            foreach (var entryPointId in condition.ReferencedEntryPoints)
                if (library.EntryPoints.TryGetValue(entryPointId, out var entryPoint)
                    && WebOnlyMatcher(entryPoint.Matchers, "matcher") is { } where)
                    yield return $"condition '{condition.Type}' uses entry point '{entryPointId}', whose {where}, which is web only";
        }
    }

    // "step 2 matches by url": 1-based, as a person counts.
    private static string? WebOnlyMatcher(IReadOnlyList<Matcher?>? matchers, string what)
    {
        if (matchers is null) return null;
        for (var i = 0; i < matchers.Count; i++)
            if (matchers[i] is { IsWebOnly: true } m)
                return $"{what} {i + 1} matches by {Check.CamelCase(m.Kind!.Value.ToString())}";
        return null;
    }
}
