using Targeting.Rules.Library;
using Targeting.Rules.Validation.Conditions;

namespace Targeting.Rules.Validation;

/// <summary>
/// Checks library objects as the admin API receives them. Paths are relative to the object's
/// body (<c>conditions[1].min</c>). The object's own id comes from the URL and is the gateway's
/// to check (<see cref="Identifiers.IsValid"/>); ids inside the body are checked here.
/// </summary>
public static class LibraryValidator
{
    public static IReadOnlyList<ValidationError> ValidateEntryPoint(EntryPoint e) => Run(e, at =>
    {
        Check.Name(at["name"], e.Name);
        if (!Check.Count(at["matchers"], e.Matchers, 1, Limits.MaxMatchers, "matchers")) return;
        for (var i = 0; i < e.Matchers!.Count; i++)
            MatcherValidator.Validate(at["matchers"][i], e.Matchers[i]);
    });

    public static IReadOnlyList<ValidationError> ValidateFlow(Flow f) => Run(f, at =>
    {
        Check.Name(at["name"], f.Name);
        if (!Check.Count(at["steps"], f.Steps, Limits.MinFlowSteps, Limits.MaxFlowSteps, "steps")) return;
        for (var i = 0; i < f.Steps!.Count; i++)
        {
            if (f.Steps[i] is { } step) MatcherValidator.Validate(at["steps"][i]["matcher"], step.Matcher);
            else at["steps"][i].Error("a step is required");
        }
        if (!f.Steps.Any(s => s is not null && s.Required != false))
            at["steps"].Error("at least one step must be required");
    });

    public static IReadOnlyList<ValidationError> ValidateBehavior(Behavior b, AccountLibrary library) => Run(b, at =>
    {
        Check.Name(at["name"], b.Name);
        Check.Enum(at["match"], b.Match, required: false, "match");
        if (!Check.Count(at["conditions"], b.Conditions, Limits.MinConditions, Limits.MaxConditions, "conditions")) return;
        var index = new LibraryIndex(library);
        for (var i = 0; i < b.Conditions!.Count; i++)
            ConditionValidators.Validate(at["conditions"][i], b.Conditions[i], index);
    });

    public static IReadOnlyList<ValidationError> ValidateCampaign(Campaign c, AccountLibrary library) => Run(c, at =>
    {
        Check.Name(at["name"], c.Name);
        Check.Enum(at["status"], c.Status, required: true, "status");
        if (!Check.Count(at["engagements"], c.Engagements, 0, Limits.MaxEngagements, "engagements", required: false)) return;
        var index = new LibraryIndex(library);
        var firstById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < c.Engagements!.Count; i++)
            EngagementValidator.Validate(at["engagements"][i], c.Engagements[i], i, firstById, index);
    });

    /// <summary>
    /// The support matrix over every published campaign, for an edit of a behavior, flow or entry
    /// point (validate the library as it would be after the edit). Paths name the campaign:
    /// <c>campaigns['checkout-rescue'].engagements[1].behaviorId</c>; all errors are Unsupported.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidatePublishedEngagements(AccountLibrary library)
    {
        var errors = new List<ValidationError>();
        var index = new LibraryIndex(library);
        foreach (var campaign in library.Campaigns.Where(c => c.Status == CampaignStatus.Published))
        {
            var engagements = campaign.Engagements ?? [];
            var at = ValidationScope.Root(errors)[$"campaigns['{campaign.Id}']"]["engagements"];
            for (var i = 0; i < engagements.Count; i++)
                if (engagements[i] is { } engagement)
                    SupportMatrix.CheckMobileEngagement(at[i], engagement, index, $"published campaign '{campaign.Id}': ");
        }
        return errors;
    }

    /// <summary>
    /// What still references a library object, for delete protection (409). Each reference is
    /// <c>kind:id</c> with kind one of <c>entryPoint</c>, <c>flow</c>, <c>behavior</c>, <c>campaign</c>
    /// (e.g. <c>behavior:high-value-abandoners</c>), sorted, each once. Nothing references a campaign.
    /// </summary>
    public static IReadOnlyList<string> ReferencesTo(AccountLibrary library, LibraryObjectKind kind, string id) =>
        References.To(library, kind, id);

    private static IReadOnlyList<ValidationError> Run(object? body, Action<ValidationScope> validate)
    {
        var errors = new List<ValidationError>();
        if (body is null) errors.Add(new ValidationError(JsonBodies.RootPath, "a body is required"));
        else validate(ValidationScope.Root(errors));
        return errors;
    }
}
