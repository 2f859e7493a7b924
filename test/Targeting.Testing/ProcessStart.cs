using System.Diagnostics;

namespace Targeting.Testing;

/// <summary>How test support starts a process: output captured, arguments verbatim, and environment entries with a null value removed.</summary>
internal static class ProcessStart
{
    public static ProcessStartInfo Info(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                info.Environment.Remove(key);
            else
                info.Environment[key] = value;
        }
        return info;
    }
}
