using BenchmarkDotNet.Attributes;
using Targeting.Benchmarks.Workload;
using Targeting.Rules.Compilation;
using Targeting.Rules.Library;

namespace Targeting.Benchmarks;

/// <summary>Compiling an account's whole library into a rule set, as a publish does.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private AccountLibrary _library = null!;

    [Params(1000)]
    public int Engagements { get; set; }

    [GlobalSetup]
    public void SetUp() => _library = LibraryBuilder.Build(LibraryShape.Realistic(Engagements));

    [Benchmark(Description = "compile")]
    public RuleSet Compile() => RuleSetCompiler.Compile(_library);
}
