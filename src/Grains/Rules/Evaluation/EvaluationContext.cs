using Targeting.Rules.Compilation;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Evaluation;

/// <summary>What a condition sees when it evaluates: the session, the rules, the time, and for
/// engagement-dependent conditions the engagement being decided.</summary>
internal readonly struct EvaluationContext(SessionState state, EvaluationCache cache, DateTimeOffset now, CompiledEngagement? engagement = null)
{
    public SessionState State { get; } = state;
    public EvaluationCache Cache { get; } = cache;
    public DateTimeOffset Now { get; } = now;
    public CompiledEngagement? Engagement { get; } = engagement;

    public RuleSet RuleSet => Cache.RuleSet;

    public EvaluationContext For(CompiledEngagement engagement) => new(State, Cache, Now, engagement);

    /// <summary>Time accrued on an entry point this session, including the current page (rule 9).</summary>
    public TimeSpan DwellOn(CompiledEntryPoint entryPoint)
    {
        var ms = State.DwellMs.GetValueOrDefault(entryPoint.Id);
        if (IsOn(entryPoint) && State.Page is { } page && Now > page.Since)
            ms += (long)(Now - page.Since).TotalMilliseconds;
        return TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>Whether the current location matches the entry point.</summary>
    public bool IsOn(CompiledEntryPoint entryPoint) => Cache.OnEntryPoint[entryPoint.Index];
}
