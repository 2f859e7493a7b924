using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;

namespace Targeting.Rules.Compilation;

/// <summary>
/// A condition ready to evaluate against a session. Evaluation allocates nothing: it reads the
/// session state and the per-session cache only.
/// </summary>
internal abstract class CompiledCondition
{
    /// <summary>The JSON type name, for explanations.</summary>
    public abstract string Type { get; }

    /// <summary>The event kinds (or the clock) that can change this condition's value.</summary>
    public abstract EventKinds DependsOn { get; }

    /// <summary>
    /// True when the value depends on which engagement is being decided (engaged in session
    /// looks at "another" engagement), so it cannot be cached per condition.
    /// </summary>
    public virtual bool DependsOnEngagement => false;

    public abstract bool Evaluate(in EvaluationContext context);

    /// <summary>
    /// For conditions that turn true as time passes: when that would happen (now, if it already
    /// has), else null. Asked only while the last evaluation found the condition false.
    /// </summary>
    public virtual DateTimeOffset? BecomesTrueAt(in EvaluationContext context) => null;

    /// <summary>A sentence a campaign manager understands about the current value.</summary>
    public abstract string Describe(in EvaluationContext context, bool value);
}
