using Targeting.Testing;
using System.Diagnostics;

namespace Targeting.LoadGenerator;

/// <summary>A server under test, run as a child process on a free loopback port so its CPU time is its own.</summary>
public sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output;

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Set for every child started from now on, e.g. the JIT mode of the quick run.</summary>
    public static Dictionary<string, string> CommonEnvironment { get; } = [];

    private ChildServer(Process process, Uri baseAddress, System.Text.StringBuilder output) =>
        (_process, BaseAddress, _output) = (process, baseAddress, output);

    /// <summary>What the server printed so far (warnings and errors: children log at Warning).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public TimeSpan CpuTime
    {
        get { _process.Refresh(); return _process.TotalProcessorTime; }
    }

    /// <summary>CPU time of the runtime's tiered-compilation thread (Linux only, else zero): while it
    /// still burns CPU, the server is re-JITting hot code and is not in its steady state yet.</summary>
    public TimeSpan JitCpuTime
    {
        get
        {
            var ticks = 0L;
            var tasks = $"/proc/{_process.Id}/task";
            if (!Directory.Exists(tasks)) return TimeSpan.Zero;
            foreach (var task in Directory.EnumerateDirectories(tasks))
            {
                try
                {
                    if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal)) continue;
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks += long.Parse(fields[11]) + long.Parse(fields[12]); // utime + stime, in clock ticks (100/s)
                }
                catch (IOException) { } // the thread ended meanwhile
            }
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    public static async Task<ChildServer> StartAsync(string dll, IEnumerable<string> args, IDictionary<string, string> environment)
    {
        var port = FreePorts.Next();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in CommonEnvironment.Concat(environment)) info.Environment[key] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ChildServer(process, new Uri($"http://127.0.0.1:{port}"), output);
        using var probe = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await server.DisposeAsync();
        lock (output) throw new InvalidOperationException($"{Path.GetFileName(dll)} did not become healthy:\n{output}");
    }


    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
