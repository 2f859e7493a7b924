using Targeting.Rules.Library;
using Targeting.Rules.Matching;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Compilation;

/// <summary>
/// A flow compiled for navigation (rules 3–8): each page view moves a visitor's
/// <see cref="FlowProgress"/> forward, back, out of the flow, or to completion.
/// </summary>
internal sealed class CompiledFlow
{
    public const int MaxSteps = 64;

    private readonly PageMatcher[] _steps;
    private readonly bool[] _required;
    private readonly int _firstRequired;
    private readonly int _lastRequired;

    public CompiledFlow(Flow definition)
    {
        var steps = definition.Steps ?? [];
        if (steps.Count > MaxSteps) throw new ArgumentException($"a flow has at most {MaxSteps} steps");
        Id = definition.Id;
        Version = definition.Version;
        Label = definition.Name ?? definition.Id;
        _steps = steps.Select(s => new PageMatcher(s.Matcher!)).ToArray();
        _required = steps.Select(s => s.Required ?? true).ToArray();
        _firstRequired = Array.IndexOf(_required, true);
        _lastRequired = Array.LastIndexOf(_required, true);
        if (_firstRequired < 0) _firstRequired = _lastRequired = _steps.Length - 1;
    }

    public string Id { get; }
    public int Version { get; }
    public string Label { get; }
    public int StepCount => _steps.Length;

    /// <summary>Applies one page view to the visitor's progress through this flow.</summary>
    public void Advance(ref FlowProgress progress, CurrentPage page)
    {
        if (progress.Completed) return; // rule 5: a completed flow triggers nothing more
        var matched = MatchedSteps(page);
        if (progress.Step < 0)
            Enter(ref progress, matched);
        else
            Move(ref progress, matched);
    }

    public FlowProgress Start() => new() { FlowVersion = Version, Step = -1, LeftAt = -1 };

    // Rule 3: s1, or a later step when every step before it is optional (rule 8: the furthest).
    private void Enter(ref FlowProgress progress, ulong matched)
    {
        var step = Furthest(matched, 0, _firstRequired);
        if (step < 0) return;
        progress.Abandoned = false; // rule 6: re-entering clears abandoned
        progress.Backflow = false;
        MoveTo(ref progress, step);
    }

    // Rule 4, furthest reachable step first (rule 8).
    private void Move(ref FlowProgress progress, ulong matched)
    {
        var at = progress.Step;
        var forward = Furthest(matched, at + 1, NextRequiredAfter(at));
        if (forward >= 0)
        {
            MoveTo(ref progress, forward);
            return;
        }
        if (Has(matched, at)) return; // a reload
        var back = Furthest(matched, 0, at - 1);
        if (back >= 0)
        {
            progress.Step = back;
            progress.Backflow = true; // rule 7
            return;
        }
        progress.LeftAt = at;
        progress.Step = -1; // rule 6: left the flow, or jumped over a required step
        progress.Abandoned = true;
        progress.Backflow = false;
    }

    private void MoveTo(ref FlowProgress progress, int step)
    {
        progress.Step = step;
        if (step < _lastRequired) return;
        progress.Completed = true; // rule 5: the last required step, reached in order
        progress.Backflow = false;
        progress.Abandoned = false;
    }

    private int NextRequiredAfter(int step)
    {
        for (var j = step + 1; j < _required.Length; j++)
            if (_required[j]) return j;
        return _required.Length - 1;
    }

    private ulong MatchedSteps(CurrentPage page)
    {
        ulong mask = 0;
        for (var i = 0; i < _steps.Length; i++)
            if (_steps[i].Matches(page)) mask |= 1UL << i;
        return mask;
    }

    private static bool Has(ulong mask, int step) => (mask & (1UL << step)) != 0;

    private static int Furthest(ulong mask, int from, int to)
    {
        for (var j = to; j >= from; j--)
            if (Has(mask, j)) return j;
        return -1;
    }
}
