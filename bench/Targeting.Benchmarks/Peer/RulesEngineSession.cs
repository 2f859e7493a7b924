using RulesEngine.Models;
using Targeting.Rules.Compilation;
using Targeting.Rules.Events;
using Targeting.Rules.Sessions;

namespace Targeting.Benchmarks.Peer;

/// <summary>
/// A session evaluated the RulesEngine way: fold the event into the facts, then execute every
/// rule of the workflow and take the successful ones as the eligible engagements.
/// </summary>
public sealed class RulesEngineSession
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly RuleSet _ruleSet;
    private readonly SessionState _state;
    private readonly SessionFacts _facts;
    private readonly RuleParameter[] _input;

    public RulesEngineSession(Workflow workflow, RuleSet ruleSet, SessionState state)
    {
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(SessionFacts)] });
        _ruleSet = ruleSet;
        _state = state;
        _facts = new SessionFacts(state, ruleSet);
        _input = [new RuleParameter(WorkflowTranslator.Input, _facts)];
    }

    /// <summary>Applies the event and returns how many engagements are eligible.</summary>
    public int Apply(VisitorEvent e, DateTimeOffset now)
    {
        Targeting.Rules.Evaluation.SessionEngine.Apply(_state, e, _ruleSet, now);
        _facts.Now = now;
        var results = _engine.ExecuteAllRulesAsync(WorkflowTranslator.WorkflowName, _input).AsTask().GetAwaiter().GetResult();
        var eligible = 0;
        foreach (var result in results)
        {
            if (result.ExceptionMessage is { Length: > 0 } error) throw new InvalidOperationException($"{result.Rule.RuleName}: {error}");
            if (result.IsSuccess) eligible++;
        }
        return eligible;
    }
}
