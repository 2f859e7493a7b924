using Targeting.Rules.Compilation;
using Targeting.Rules.Events;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Evaluation;

/// <summary>
/// Per-session values derived from the state under one rule set version: which entry points the
/// current page matches, each condition's last value, each engagement's eligibility, and what the
/// events since the last decision made dirty. Never persisted: rebuilt from the state on load or
/// when the rule set changes, so a session never mixes two versions (rule 21).
/// </summary>
internal sealed class EvaluationCache
{
    public EvaluationCache(RuleSet ruleSet, SessionState state)
    {
        RuleSet = ruleSet;
        Rules = ruleSet.For(state.Source);
        OnEntryPoint = new bool[ruleSet.EntryPoints.Length];
        ConditionValues = new bool[Rules.Conditions.Length];
        Eligible = new bool[Rules.Engagements.Length];
        EngagementDirty = new bool[Rules.Engagements.Length];
        DirtyEngagements = new int[Rules.Engagements.Length];
        if (state.Page is { } page) MatchEntryPoints(page);
    }

    public RuleSet RuleSet { get; }
    public SourceRules Rules { get; }
    public bool[] OnEntryPoint { get; }
    public bool[] ConditionValues { get; }
    public bool[] Eligible { get; }

    /// <summary>Nothing has been evaluated under this version yet.</summary>
    public bool NeedsFullEvaluation { get; set; } = true;
    public EventKinds Dirty { get; set; }

    /// <summary>When the first false time condition turns true, as of <see cref="TimeCheckedAt"/>.</summary>
    public DateTimeOffset TimeDue { get; set; } = DateTimeOffset.MinValue;
    public DateTimeOffset TimeCheckedAt { get; set; } = DateTimeOffset.MaxValue;

    private bool[] EngagementDirty { get; }
    private int[] DirtyEngagements { get; }
    public int DirtyCount { get; private set; }

    public void MatchEntryPoints(CurrentPage page)
    {
        foreach (var entryPoint in RuleSet.EntryPoints)
            OnEntryPoint[entryPoint.Index] = entryPoint.Matches(page);
    }

    public void MarkDirty(int engagement)
    {
        if (EngagementDirty[engagement]) return;
        EngagementDirty[engagement] = true;
        DirtyEngagements[DirtyCount++] = engagement;
    }

    public int DirtyAt(int i) => DirtyEngagements[i];

    public void ClearDirty()
    {
        for (var i = 0; i < DirtyCount; i++) EngagementDirty[DirtyEngagements[i]] = false;
        DirtyCount = 0;
        Dirty = EventKinds.None;
        NeedsFullEvaluation = false;
    }
}
