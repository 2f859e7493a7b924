using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Targeting.ReliabilityTests.Infrastructure;

/// <summary>
/// The real gateway (Program) with its co-hosted silo on free loopback ports, configured through
/// its configuration keys; <paramref name="services"/> may decorate silo services (fault injection).
/// </summary>
public sealed class TestGateway(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string OperatorKey = "reliability-operator-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var siloPort = FreePorts.Next();
        var all = new Dictionary<string, string?>
        {
            ["Targeting:OperatorKey"] = OperatorKey,
            ["Targeting:Cluster:ClusterId"] = "rel-" + Guid.NewGuid().ToString("N")[..8],
            ["Targeting:Silo:SiloPort"] = siloPort.ToString(),
            ["Targeting:Silo:GatewayPort"] = FreePorts.Next().ToString(),
            ["Targeting:Cluster:PrimarySiloPort"] = siloPort.ToString(),
            ["Targeting:Sse:KeepAliveInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        foreach (var (key, value) in all) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public Api Api() => new(CreateClient());
}
