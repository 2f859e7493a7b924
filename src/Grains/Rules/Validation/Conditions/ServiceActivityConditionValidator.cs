using Targeting.Rules.Conditions;

namespace Targeting.Rules.Validation.Conditions;

internal sealed class ServiceActivityConditionValidator : ConditionValidator<ServiceActivityCondition>
{
    protected override void Validate(ValidationScope at, ServiceActivityCondition condition, LibraryIndex library)
    {
        Check.Text(at["topic"], condition.Topic, Limits.MaxTopicLength, required: true, "topic");
        Check.Enum(at["status"], condition.Status, required: true, "status");
    }
}
