using Targeting.Rules.Conditions;

namespace Targeting.Rules.Validation.Conditions;

/// <summary>Exactly one of message (with an optional instance, default 1) or code.</summary>
internal sealed class VisitorErrorConditionValidator : ConditionValidator<VisitorErrorCondition>
{
    protected override void Validate(ValidationScope at, VisitorErrorCondition condition, LibraryIndex library)
    {
        Check.Enum(at["mode"], condition.Mode, required: false, "mode");
        switch (condition.Message, condition.Code)
        {
            case (null, null):
                at["message"].Error("give either a message or a code");
                break;
            case (not null, not null):
                at["code"].Error("give either a message or a code, not both");
                break;
        }
        Check.Text(at["message"], condition.Message, Limits.MaxErrorMessageLength, required: false, "message");
        Check.Text(at["code"], condition.Code, Limits.MaxErrorCodeLength, required: false, "code");
        if (condition.Instance is not { } instance) return;
        if (condition.Message is null) at["instance"].Error("instance applies only to a message");
        else if (instance < 1) at["instance"].Error($"instance must be 1 or more (1 = first occurrence), got {instance}");
    }
}
