using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Targeting.IntegrationTests.Infrastructure;

/// <summary>
/// A gateway host (the real Program) configured only through its configuration keys: embedded
/// (a co-hosted silo on free loopback ports) unless the settings say otherwise.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public const string OperatorKey = "test-operator-key";
    private readonly Dictionary<string, string?> _settings;

    public GatewayFactory(IDictionary<string, string?>? settings = null)
    {
        var siloPort = FreePorts.Next();
        _settings = new Dictionary<string, string?>
        {
            ["Targeting:OperatorKey"] = OperatorKey,
            ["Targeting:Cluster:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Targeting:Silo:SiloPort"] = siloPort.ToString(),
            ["Targeting:Silo:GatewayPort"] = FreePorts.Next().ToString(),
            ["Targeting:Cluster:PrimarySiloPort"] = siloPort.ToString(),
            ["Targeting:Sse:KeepAliveInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public TargetingClient Api() => new(CreateClient());
}
