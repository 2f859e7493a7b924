using BenchmarkDotNet.Reports;

namespace Targeting.Benchmarks;

/// <summary>Prints the figures as <c>name: value</c> lines, the machine first and the ratios last.</summary>
public static class Figures
{
    /// <summary>The 1-minute load average: other processes sharing the cores inflate every figure.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    public static void Print(IEnumerable<Summary> summaries, string loadBefore)
    {
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).ToArray();
        var ratios = new List<string>();
        Console.WriteLine();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"load average before: {loadBefore}");
        Console.WriteLine($"load average after: {Load()}");
        foreach (var report in reports)
        {
            var name = NameOf(report);
            Console.WriteLine($"{name}: {Time(report.ResultStatistics!.Mean)}");
            Console.WriteLine($"alloc {name}: {report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0} B");
        }
        foreach (var n in new[] { 10, 50, 200, 1000 })
            if (Mean(reports, "rulesengine", n) is { } peer && Mean(reports, "targeting", n) is { } ours)
                ratios.Add($"ratio rulesengine/targeting at {n}: {peer / ours:F1}");
        foreach (var library in new[] { "few-cart", "realistic" })
            if (Mean(reports, "cartUpdate", 1000, library) is { } large && Mean(reports, "cartUpdate", 10, library) is { } small)
                ratios.Add($"ratio cartUpdate {library} 1000/10: {large / small:F2}");
        foreach (var line in ratios) Console.WriteLine(line);
    }

    private static string NameOf(BenchmarkReport report)
    {
        var description = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
        var n = report.BenchmarkCase.Parameters["Engagements"];
        var library = report.BenchmarkCase.Parameters.Items.Any(p => p.Name == "Library") ? $" {report.BenchmarkCase.Parameters["Library"]}" : "";
        return description == "compile" ? $"compile {n} engagements" : $"{description}{library} per event at {n}";
    }

    private static double? Mean(BenchmarkReport[] reports, string description, int n, string? library = null) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo == description
            && (int)r.BenchmarkCase.Parameters["Engagements"] == n
            && (library is null || (string)r.BenchmarkCase.Parameters["Library"] == library))?.ResultStatistics?.Mean;

    private static string Time(double ns) => ns switch
    {
        >= 1_000_000 => $"{ns / 1_000_000:F2} ms",
        >= 1_000 => $"{ns / 1_000:F2} us",
        _ => $"{ns:F0} ns",
    };
}
