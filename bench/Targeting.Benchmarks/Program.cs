using BenchmarkDotNet.Running;
using Targeting.Benchmarks;

// dotnet run -c Release --project bench/Targeting.Benchmarks -- [--quick] [--artifacts DIR]
var quick = args.Contains("--quick");
var loadBefore = Figures.Load();
var at = Array.IndexOf(args, "--artifacts");
var artifacts = at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine("bench", "results", quick ? "rules-quick" : "rules-full");
if (args.Contains("--breakdown")) { foreach (var n in new[] { 10, 50, 200, 1000 }) Breakdown.Print(n); return; }
foreach (var n in quick ? [10, 50] : new[] { 10, 50, 200, 1000 }) Agreement.Check(n, quick ? 48 : 200);
if (args.Contains("--check")) return;
var summaries = BenchmarkRunner.Run([typeof(EventBenchmarks), typeof(CartScalingBenchmarks), typeof(CompileBenchmarks)], BenchConfig.Create(quick, artifacts));
Figures.Print(summaries, loadBefore);
