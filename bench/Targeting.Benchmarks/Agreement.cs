using Targeting.Benchmarks.Peer;
using Targeting.Benchmarks.Workload;
using Targeting.Rules.Compilation;

namespace Targeting.Benchmarks;

/// <summary>
/// Before timing anything: both engines, fed the same journey, must find the same number of
/// eligible engagements after every event, or the comparison would be between different work.
/// </summary>
public static class Agreement
{
    public static void Check(int engagements, int events)
    {
        var shape = LibraryShape.Realistic(engagements);
        var library = LibraryBuilder.Build(shape);
        var ruleSet = RuleSetCompiler.Compile(library);
        var ours = new TargetingSession(ruleSet, Journey.Build(shape));
        var facts = new TargetingSession(ruleSet, Journey.Build(shape));
        var peer = new RulesEngineSession(WorkflowTranslator.Translate(library), ruleSet, facts.State);
        var eligibleSeen = 0;
        for (var i = 0; i < events; i++)
        {
            ours.ApplyAndDecide();
            var theirs = peer.Apply(facts.NextEvent(), facts.Now);
            if (theirs != ours.State.Offered.Count)
                throw new InvalidOperationException($"at {engagements} engagements, event {i}: rulesengine finds {theirs} eligible, targeting {ours.State.Offered.Count}");
            eligibleSeen += theirs;
        }
        Console.WriteLine($"agreement at {engagements}: {events} events, same eligible count after each (mean {eligibleSeen / (double)events:F1} eligible)");
    }
}
