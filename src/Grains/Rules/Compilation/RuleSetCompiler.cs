using Targeting.Rules.Library;

namespace Targeting.Rules.Compilation;

/// <summary>
/// Compiles an account's library into a <see cref="RuleSet"/>: matchers once, each behavior once
/// per source, engagements of published campaigns in decision order. The library is expected to
/// have passed validation; a dangling reference is a <see cref="RuleSetCompilationException"/>.
/// </summary>
public static class RuleSetCompiler
{
    public static RuleSet Compile(AccountLibrary library)
    {
        var entryPoints = library.EntryPoints.OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select((e, i) => new CompiledEntryPoint(i, e)).ToArray();
        var flows = library.Flows.Select(f => new CompiledFlow(f)).ToArray();
        var context = new CompileContext(
            entryPoints.ToDictionary(e => e.Id, StringComparer.Ordinal),
            flows.ToDictionary(f => f.Id, StringComparer.Ordinal));
        var behaviors = library.Behaviors.ToDictionary(b => b.Id, StringComparer.Ordinal);
        return new RuleSet(library.AccountId, library.Version, entryPoints, flows,
            CompileSource(Source.Web, library, behaviors, context),
            CompileSource(Source.Mobile, library, behaviors, context));
    }

    private static SourceRules CompileSource(Source source, AccountLibrary library, Dictionary<string, Behavior> behaviors, CompileContext context)
    {
        var conditions = new List<CompiledCondition>();
        var conditionsOfBehavior = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var published = library.Campaigns
            .Where(c => c.Status == CampaignStatus.Published)
            .SelectMany(c => (c.Engagements ?? []).Select(e => (Campaign: c, Engagement: e)))
            .Where(p => p.Engagement.Source == source)
            .OrderByDescending(p => p.Campaign.Priority ?? 0)
            .ThenBy(p => p.Campaign.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Engagement.Id, StringComparer.Ordinal)
            .ToArray();

        var engagements = new CompiledEngagement[published.Length];
        for (var i = 0; i < published.Length; i++)
        {
            var (campaign, engagement) = published[i];
            var behavior = engagement.BehaviorId is { } behaviorId
                ? behaviors.GetValueOrDefault(behaviorId) ?? throw new RuleSetCompilationException($"unknown behavior '{behaviorId}'")
                : null;
            engagements[i] = new CompiledEngagement
            {
                Index = i,
                CampaignId = campaign.Id,
                EngagementId = engagement.Id!,
                Key = CompiledEngagement.KeyOf(campaign.Id, engagement.Id!),
                Name = engagement.Name,
                Kind = engagement.Kind ?? EngagementKind.ChatButton,
                Priority = campaign.Priority ?? 0,
                BehaviorId = behavior?.Id,
                Match = behavior?.Match ?? BehaviorMatch.All,
                Conditions = behavior is null ? [] : ConditionsOf(behavior, conditions, conditionsOfBehavior, context),
                EntryPoints = (engagement.EntryPointIds ?? []).Select(id => context.EntryPoint(id).Index).ToArray(),
            };
        }
        return new SourceRules(conditions.ToArray(), engagements);
    }

    private static int[] ConditionsOf(Behavior behavior, List<CompiledCondition> conditions, Dictionary<string, int[]> compiled, CompileContext context)
    {
        if (compiled.TryGetValue(behavior.Id, out var indexes)) return indexes;
        indexes = (behavior.Conditions ?? []).Select(condition =>
        {
            conditions.Add(condition.Compile(context));
            return conditions.Count - 1;
        }).ToArray();
        compiled[behavior.Id] = indexes;
        return indexes;
    }
}
