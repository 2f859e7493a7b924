using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;

namespace Targeting.Benchmarks;

/// <summary>One visitor session replaying a cycle of pre-built events, two seconds apart.</summary>
public sealed class TargetingSession(RuleSet ruleSet, VisitorEvent[] events)
{
    private VisitorEvent[] _events = events;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private int _next;

    public SessionState State { get; } = SessionEngine.Start("bench-session", Source.Web, Start);
    public DateTimeOffset Now { get; private set; } = Start;

    public VisitorEvent NextEvent()
    {
        var e = _events[_next];
        _next = _next + 1 == _events.Length ? 0 : _next + 1;
        Now = Now.AddSeconds(2);
        return e;
    }

    /// <summary>Applies the next event and decides: true when the decision changed.</summary>
    public bool ApplyAndDecide()
    {
        var e = NextEvent();
        SessionEngine.Apply(State, e, ruleSet, Now);
        return SessionEngine.Decide(State, ruleSet, Now);
    }

    /// <summary>Goes on with another cycle of events, in the same session.</summary>
    public TargetingSession Then(VisitorEvent[] next)
    {
        _events = next;
        _next = 0;
        return this;
    }

    /// <summary>Plays <paramref name="count"/> events, so measurements start mid-session.</summary>
    public TargetingSession WarmUp(int count)
    {
        for (var i = 0; i < count; i++) ApplyAndDecide();
        return this;
    }
}
