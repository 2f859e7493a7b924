using BenchmarkDotNet.Attributes;
using Targeting.Benchmarks.Peer;
using Targeting.Benchmarks.Workload;
using Targeting.Rules.Compilation;

namespace Targeting.Benchmarks;

/// <summary>
/// One realistic session event (the <see cref="Journey"/> mix) applied and decided, by our
/// engine and by the same rules as a Microsoft RulesEngine workflow, against a growing library.
/// </summary>
[MemoryDiagnoser]
public class EventBenchmarks
{
    private TargetingSession _targeting = null!;
    private TargetingSession _facts = null!;
    private RulesEngineSession _rulesEngine = null!;

    [Params(10, 50, 200, 1000)]
    public int Engagements { get; set; }

    [GlobalSetup(Target = nameof(Targeting))]
    public void SetUpTargeting()
    {
        var shape = LibraryShape.Realistic(Engagements);
        _targeting = new TargetingSession(RuleSetCompiler.Compile(LibraryBuilder.Build(shape)), Journey.Build(shape)).WarmUp(Journey.IdPool);
    }

    [GlobalSetup(Target = nameof(RulesEngine))]
    public void SetUpRulesEngine()
    {
        var shape = LibraryShape.Realistic(Engagements);
        var library = LibraryBuilder.Build(shape);
        var ruleSet = RuleSetCompiler.Compile(library);
        _facts = new TargetingSession(ruleSet, Journey.Build(shape)).WarmUp(Journey.IdPool);
        _rulesEngine = new RulesEngineSession(WorkflowTranslator.Translate(library), ruleSet, _facts.State);
        for (var i = 0; i < 64; i++) _rulesEngine.Apply(_facts.NextEvent(), _facts.Now);
    }

    [Benchmark(Baseline = true, Description = "targeting")]
    public bool Targeting() => _targeting.ApplyAndDecide();

    [Benchmark(Description = "rulesengine")]
    public int RulesEngine() => _rulesEngine.Apply(_facts.NextEvent(), _facts.Now);
}
