using Targeting.Rules.Conditions;

namespace Targeting.Rules.Validation.Conditions;

internal sealed class VisitedEntryPointConditionValidator : ConditionValidator<VisitedEntryPointCondition>
{
    protected override void Validate(ValidationScope at, VisitedEntryPointCondition condition, LibraryIndex library)
    {
        Check.EntryPointIds(at["entryPointIds"], condition.EntryPointIds, library, required: true);
        Check.Enum(at["mode"], condition.Mode, required: false, "mode");
    }
}
