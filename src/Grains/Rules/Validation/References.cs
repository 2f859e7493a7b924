using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Rules.Validation;

/// <summary>Who points at a library object: behaviors at entry points and flows, campaigns at behaviors and entry points.</summary>
internal static class References
{
    public static IReadOnlyList<string> To(AccountLibrary library, LibraryObjectKind kind, string id)
    {
        var references = kind switch
        {
            LibraryObjectKind.EntryPoint => BehaviorsUsing(library, c => c.ReferencedEntryPoints.Contains(id))
                .Concat(CampaignsWhere(library, e => e.EntryPointIds?.Contains(id) == true)),
            LibraryObjectKind.Flow => BehaviorsUsing(library, c => c.ReferencedFlows.Contains(id)),
            LibraryObjectKind.Behavior => CampaignsWhere(library, e => e.BehaviorId == id),
            _ => [],
        };
        return references.Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<string> BehaviorsUsing(AccountLibrary library, Func<Condition, bool> uses) =>
        library.Behaviors
            .Where(b => (b.Conditions ?? []).Any(c => c is not null && uses(c)))
            .Select(b => $"behavior:{b.Id}");

    private static IEnumerable<string> CampaignsWhere(AccountLibrary library, Func<Engagement, bool> uses) =>
        library.Campaigns
            .Where(c => (c.Engagements ?? []).Any(e => e is not null && uses(e)))
            .Select(c => $"campaign:{c.Id}");
}
