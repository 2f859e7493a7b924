using Targeting.Rules.Library;

namespace Targeting.Rules.Validation;

/// <summary>One engagement of a campaign: its fields, its references, and the support matrix.</summary>
internal static class EngagementValidator
{
    public static void Validate(ValidationScope at, Engagement? engagement, int index, Dictionary<string, int> firstById, LibraryIndex library)
    {
        if (engagement is null)
        {
            at.Error("an engagement is required");
            return;
        }
        if (Check.Identifier(at["id"], engagement.Id, "id") && !firstById.TryAdd(engagement.Id!, index))
            at["id"].Error($"duplicate engagement id '{engagement.Id}' (also engagements[{firstById[engagement.Id!]}])");
        Check.Name(at["name"], engagement.Name, required: false);
        Check.Enum(at["source"], engagement.Source, required: true, "source");
        Check.Enum(at["kind"], engagement.Kind, required: true, "kind");
        if (engagement.BehaviorId is { } behaviorId
            && Check.Identifier(at["behaviorId"], behaviorId, "behaviorId")
            && !library.Behaviors.ContainsKey(behaviorId))
            at["behaviorId"].Error($"unknown behavior '{behaviorId}'");
        // An empty list would mean "nowhere", which the engine reads as "anywhere": refuse the ambiguity.
        Check.EntryPointIds(at["entryPointIds"], engagement.EntryPointIds, library, required: false);
        SupportMatrix.CheckMobileEngagement(at, engagement, library);
    }
}
