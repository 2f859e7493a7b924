using Targeting.Rules.Conditions;

namespace Targeting.Rules.Validation.Conditions;

internal sealed class TimeOnEntryPointConditionValidator : ConditionValidator<TimeOnEntryPointCondition>
{
    protected override void Validate(ValidationScope at, TimeOnEntryPointCondition condition, LibraryIndex library)
    {
        Check.EntryPointIds(at["entryPointIds"], condition.EntryPointIds, library, required: true);
        if (condition.Seconds is not { } seconds)
            at["seconds"].Error($"seconds is required ({Limits.MinSeconds}..{Limits.MaxSeconds})");
        else if (seconds is < Limits.MinSeconds or > Limits.MaxSeconds)
            at["seconds"].Error($"seconds must be {Limits.MinSeconds}..{Limits.MaxSeconds}, got {seconds}");
    }
}
