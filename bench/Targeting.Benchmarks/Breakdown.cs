using System.Diagnostics;
using Targeting.Benchmarks.Workload;
using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;

namespace Targeting.Benchmarks;

/// <summary>
/// Where an event's time and bytes go, by event type, split into apply and decide: a plain
/// loop (run it with DOTNET_TieredCompilation=0 or after the warm-up it does itself).
/// </summary>
public static class Breakdown
{
    public static void Print(int engagements, int rounds = 20)
    {
        var shape = LibraryShape.Realistic(engagements);
        var ruleSet = RuleSetCompiler.Compile(LibraryBuilder.Build(shape));
        var session = new TargetingSession(ruleSet, Journey.Build(shape)).WarmUp(Journey.IdPool * 4);
        var byKind = new Dictionary<string, (long Apply, long Decide, long ApplyBytes, long DecideBytes, int Count)>();
        var flipsByKind = new Dictionary<string, (long Conditions, long Engagements)>();
        for (var i = 0; i < Journey.IdPool * rounds; i++)
        {
            var e = session.NextEvent();
            var conditionsBefore = session.State.Cache!.ConditionValues.ToArray();
            var eligibleBefore = session.State.Cache!.Eligible.ToArray();
            var b0 = GC.GetAllocatedBytesForCurrentThread();
            var t0 = Stopwatch.GetTimestamp();
            SessionEngine.Apply(session.State, e, ruleSet, session.Now);
            var t1 = Stopwatch.GetTimestamp();
            var b1 = GC.GetAllocatedBytesForCurrentThread();
            SessionEngine.Decide(session.State, ruleSet, session.Now);
            var t2 = Stopwatch.GetTimestamp();
            var b2 = GC.GetAllocatedBytesForCurrentThread();
            var kind = e.Kind.ToString();
            var flips = conditionsBefore.Where((v, c) => v != session.State.Cache!.ConditionValues[c]).Count();
            var eligibilityFlips = eligibleBefore.Where((v, x) => v != session.State.Cache!.Eligible[x]).Count();
            flipsByKind[kind] = (flipsByKind.GetValueOrDefault(kind).Conditions + flips, flipsByKind.GetValueOrDefault(kind).Engagements + eligibilityFlips);
            var s = byKind.GetValueOrDefault(kind);
            byKind[kind] = (s.Apply + t1 - t0, s.Decide + t2 - t1, s.ApplyBytes + b1 - b0, s.DecideBytes + b2 - b1, s.Count + 1);
        }
        foreach (var (kind, s) in byKind)
            Console.WriteLine($"breakdown {kind} at {engagements}: apply {Ns(s.Apply, s.Count)} ns {s.ApplyBytes / s.Count} B, decide {Ns(s.Decide, s.Count)} ns {s.DecideBytes / s.Count} B; per event {flipsByKind[kind].Conditions / (double)s.Count:F1} conditions and {flipsByKind[kind].Engagements / (double)s.Count:F1} engagements flip");
    }

    private static long Ns(long ticks, int count) => (long)(ticks * 1e9 / Stopwatch.Frequency / count);
}
