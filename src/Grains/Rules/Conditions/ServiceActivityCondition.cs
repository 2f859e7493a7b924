using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.Rules.Conditions;

/// <summary>The latest status reported for the topic is this one (rule 18).</summary>
[ConditionType("serviceActivity")]
public sealed record ServiceActivityCondition(string? Topic, ServiceStatus? Status) : Condition
{
    internal override CompiledCondition Compile(CompileContext context) => new Compiled(Topic!, Status!.Value);

    private sealed class Compiled(string topic, ServiceStatus status) : CompiledCondition
    {
        public override string Type => "serviceActivity";
        public override EventKinds DependsOn => EventKinds.ServiceActivity;

        public override bool Evaluate(in EvaluationContext context) =>
            context.State.ServiceTopics.TryGetValue(topic, out var latest) && latest == status;

        public override string Describe(in EvaluationContext context, bool value) =>
            context.State.ServiceTopics.TryGetValue(topic, out var latest)
                ? $"topic '{topic}' is {latest}, the condition needs {status}"
                : $"no status reported for topic '{topic}'";
    }
}
