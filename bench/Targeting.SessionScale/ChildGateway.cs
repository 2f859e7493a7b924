using Targeting.Testing;
using System.Diagnostics;
using System.Text;

namespace Targeting.SessionScale;

/// <summary>
/// The real gateway (Targeting.Gateway.dll: Kestrel, embedded silo, in-memory storage, demo off) as a
/// child process on free loopback ports, so its memory and CPU are its own. As in the load generator.
/// </summary>
public sealed class ChildGateway : IAsyncDisposable
{
    public const string OperatorKey = "bench-operator-key";

    private readonly Process _process;

    private ChildGateway(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public TimeSpan CpuTime
    {
        get { _process.Refresh(); return _process.TotalProcessorTime; }
    }

    public static async Task<ChildGateway> StartAsync(IDictionary<string, string> environment)
    {
        var port = FreePorts.Next();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(GatewayDll());
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Targeting__OperatorKey"] = OperatorKey;
        info.Environment["Targeting__Silo__SiloPort"] = FreePorts.Next().ToString();
        info.Environment["Targeting__Silo__GatewayPort"] = FreePorts.Next().ToString();
        info.Environment["Targeting__Demo__Enabled"] = "false";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the gateway");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var gateway = new ChildGateway(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return gateway;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await gateway.DisposeAsync();
        lock (output) throw new InvalidOperationException($"The gateway did not become healthy:\n{output}");
    }

    /// <summary>The gateway built in the same configuration as this project (it is a build-only project reference).</summary>
    private static string GatewayDll() => RepoPaths.BuiltAssembly("Gateway", "Targeting.Gateway");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
