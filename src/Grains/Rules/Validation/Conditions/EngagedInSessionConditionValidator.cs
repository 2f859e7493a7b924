using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Rules.Validation.Conditions;

internal sealed class EngagedInSessionConditionValidator : ConditionValidator<EngagedInSessionCondition>
{
    protected override void Validate(ValidationScope at, EngagedInSessionCondition condition, LibraryIndex library)
    {
        Check.Enum(at["mode"], condition.Mode, required: false, "mode");
        if (Check.Count(at["statuses"], condition.Statuses, 1, Limits.MaxValues, "statuses"))
            for (var i = 0; i < condition.Statuses!.Count; i++)
                Check.Enum<EngagementStatus>(at["statuses"][i], condition.Statuses[i], required: true, "status");
        // An empty list would mean "no engagement counts", which is never what anyone wants: leave it out instead.
        if (!Check.Count(at["engagementIds"], condition.EngagementIds, 1, Limits.MaxValues, "engagementIds (leave it out for any other engagement)", required: false))
            return;
        for (var i = 0; i < condition.EngagementIds!.Count; i++)
            Check.Identifier(at["engagementIds"][i], condition.EngagementIds[i], "engagement id");
    }
}
