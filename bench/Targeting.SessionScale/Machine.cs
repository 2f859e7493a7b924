using System.Diagnostics;

namespace Targeting.SessionScale;

/// <summary>What the machine and a process look like: cores, memory, load, /proc figures.</summary>
public static class Machine
{
    public static int Cores => Environment.ProcessorCount;

    public static double MemoryGiB => Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>A field of /proc/&lt;pid&gt;/status in bytes (VmRSS, RssAnon, …); 0 where /proc is missing.</summary>
    public static long StatusBytes(int pid, string field)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path)) return 0;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
            return long.Parse(kb) * 1024;
        }
        return 0;
    }

    public static int SelfPid => Environment.ProcessId;

    public static TimeSpan SelfCpu => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Everything collectable collected and compacted, so what remains is what is referenced.</summary>
    public static long FullGc()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        // Aggressive: the GC also gives back to the OS what it had kept for growth, so process memory
        // reflects what is live (after collected activations, not the high-water mark while they lived).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Prints figures as <c>name: value</c> lines as they come.</summary>
public static class Figures
{
    public static void Add(string name, object value) =>
        Console.WriteLine(FormattableString.Invariant($"{name}: {value}"));

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
