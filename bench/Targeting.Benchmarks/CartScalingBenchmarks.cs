using BenchmarkDotNet.Attributes;
using Targeting.Benchmarks.Workload;
using Targeting.Rules.Compilation;

namespace Targeting.Benchmarks;

/// <summary>
/// A cart update (totals alternating so cart conditions flip) mid-session. With the
/// few-cart library only ten conditions can change whatever the size, so the cost should stay
/// flat from 10 to 1,000 engagements; the realistic library shows the cost with a fifth of
/// the conditions on the cart and time conditions (re-checked on every event) in the mix.
/// </summary>
[MemoryDiagnoser]
public class CartScalingBenchmarks
{
    private TargetingSession _session = null!;

    [Params(10, 1000)]
    public int Engagements { get; set; }

    [Params("few-cart", "realistic")]
    public string Library { get; set; } = "";

    [GlobalSetup]
    public void SetUp()
    {
        var shape = Library == "few-cart" ? LibraryShape.FewCartConditions(Engagements) : LibraryShape.Realistic(Engagements);
        var ruleSet = RuleSetCompiler.Compile(LibraryBuilder.Build(shape));
        _session = new TargetingSession(ruleSet, Journey.Build(shape)).WarmUp(Journey.IdPool)
            .Then(Journey.CartUpdates()).WarmUp(Journey.IdPool);
    }

    [Benchmark(Description = "cartUpdate")]
    public bool CartUpdate() => _session.ApplyAndDecide();
}
