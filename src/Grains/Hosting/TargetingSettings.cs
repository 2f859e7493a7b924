using Microsoft.Extensions.Configuration;

namespace Targeting.Hosting;

/// <summary>
/// The configuration keys shared by silos, the gateway and its clients (appsettings, environment
/// variables such as <c>Targeting__Silo__SiloPort</c>, or <c>--Targeting:Silo:SiloPort=…</c>).
/// </summary>
public sealed record TargetingSettings
{
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    /// <summary><c>Targeting:AzureStorage:ConnectionString</c>: set → Azure Table clustering and persistence.</summary>
    public string? AzureStorageConnectionString { get; init; }
    public string ClusterId { get; init; } = "targeting";
    public string ServiceId { get; init; } = "targeting";
    public int SiloPort { get; init; } = DefaultSiloPort;
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>Localhost clustering: the silo port of the first silo, which the others join.</summary>
    public int PrimarySiloPort { get; init; } = DefaultSiloPort;

    /// <summary>Localhost clustering, clients: the silos' gateway ports.</summary>
    public IReadOnlyList<int> GatewayPorts { get; init; } = [DefaultGatewayPort];

    /// <summary><c>Targeting:Silo:AdvertisedIP</c>: the address other silos reach this one at (Azure clustering).</summary>
    public string? AdvertisedIP { get; init; }

    /// <summary><c>Targeting:Cluster:ResponseTimeout</c>: how long a grain call may take before it fails (and the gateway answers 503).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool UsesAzureStorage => !string.IsNullOrWhiteSpace(AzureStorageConnectionString);

    public static TargetingSettings From(IConfiguration configuration)
    {
        var t = configuration.GetSection("Targeting");
        var siloPort = t.GetValue("Silo:SiloPort", DefaultSiloPort);
        var gatewayPorts = t["Cluster:GatewayPorts"] is { Length: > 0 } ports
            ? ports.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray()
            : [t.GetValue("Silo:GatewayPort", DefaultGatewayPort)];
        return new TargetingSettings
        {
            AzureStorageConnectionString = t["AzureStorage:ConnectionString"],
            ClusterId = t["Cluster:ClusterId"] is { Length: > 0 } clusterId ? clusterId : "targeting",
            ServiceId = t["Cluster:ServiceId"] is { Length: > 0 } serviceId ? serviceId : "targeting",
            SiloPort = siloPort,
            GatewayPort = t.GetValue("Silo:GatewayPort", DefaultGatewayPort),
            PrimarySiloPort = t.GetValue("Cluster:PrimarySiloPort", siloPort),
            GatewayPorts = gatewayPorts,
            AdvertisedIP = t["Silo:AdvertisedIP"],
            ResponseTimeout = t.GetValue("Cluster:ResponseTimeout", TimeSpan.FromSeconds(10)),
        };
    }
}
