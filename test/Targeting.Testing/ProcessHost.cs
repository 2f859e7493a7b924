using System.Collections.Concurrent;
using System.Diagnostics;

namespace Targeting.Testing;

/// <summary>
/// A child process started by a test (Azurite, a silo, a gateway) with its own environment,
/// its output captured line by line (and copied to a log file when given), stopped gracefully
/// with SIGTERM or killed with SIGKILL, and always killed on dispose.
/// </summary>
public sealed class ProcessHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly StreamWriter? log;
    private readonly object logGate = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProcessHost(string name, Process process, string? logFile)
    {
        Name = name;
        this.process = process;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
            log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        }
    }

    public string Name { get; }

    public int Pid => process.Id;

    public bool HasExited => exited.Task.IsCompleted;

    public int? ExitCode => HasExited ? process.ExitCode : null;

    /// <summary>Everything the process printed so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join(Environment.NewLine, lines);

    /// <summary>Starts <paramref name="fileName"/>; environment entries with a null value are removed.</summary>
    public static ProcessHost Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        string? logFile = null)
    {
        var info = ProcessStart.Info(fileName, arguments, environment, workingDirectory ?? Environment.CurrentDirectory);

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new ProcessHost(name, process, logFile);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        process.Exited += (_, _) => host.exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Runs a built .NET assembly: <c>dotnet path/to/App.dll args</c>.</summary>
    public static ProcessHost StartDotnet(
        string name,
        string assemblyPath,
        IReadOnlyDictionary<string, string?> environment,
        string? logFile = null,
        params string[] arguments) =>
        Start(name, "dotnet", [assemblyPath, .. arguments], environment, Path.GetDirectoryName(assemblyPath), logFile);

    /// <summary>Waits for a line containing <paramref name="text"/>; false on timeout or when the process exits first.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
                return true;
            if (HasExited)
                return false;
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>Waits for the process to end; true when it did within the timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(exited.Task, Task.Delay(timeout));
        if (done != exited.Task)
            return false;
        process.WaitForExit(); // drains the redirected output
        return true;
    }

    /// <summary>
    /// Graceful stop: SIGTERM (or <paramref name="signal"/>), then SIGKILL if it has not exited
    /// within <paramref name="grace"/>. True when it exited on the graceful signal.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan grace, int signal = Signals.SigTerm)
    {
        if (HasExited)
            return true;
        Signals.Send(Pid, signal);
        if (await WaitForExitAsync(grace))
            return true;
        await KillAsync();
        return false;
    }

    /// <summary>Crash: SIGKILL, no chance to clean up.</summary>
    public async Task KillAsync()
    {
        if (HasExited)
            return;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        lock (logGate)
            log?.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        lines.Enqueue(line);
        lock (logGate)
            log?.WriteLine(line);
    }
}
