using Targeting.Rules.Conditions;

namespace Targeting.Rules.Validation.Conditions;

/// <summary>aboutToAbandon has no fields; it exists so that every condition type has a validator.</summary>
internal sealed class AboutToAbandonConditionValidator : ConditionValidator<AboutToAbandonCondition>
{
    protected override void Validate(ValidationScope at, AboutToAbandonCondition condition, LibraryIndex library)
    {
    }
}
