using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Rules.Validation.Conditions;

internal sealed class FlowConditionValidator : ConditionValidator<FlowCondition>
{
    protected override void Validate(ValidationScope at, FlowCondition condition, LibraryIndex library)
    {
        if (Check.Identifier(at["flowId"], condition.FlowId, "flowId") && !library.Flows.ContainsKey(condition.FlowId!))
            at["flowId"].Error($"unknown flow '{condition.FlowId}'");
        Check.Enum(at["trigger"], condition.Trigger, required: true, "trigger");
    }
}
