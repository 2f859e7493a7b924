using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Targeting.Hosting;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Cluster;

/// <summary>
/// Two silo processes' worth of hosts and two gateways in client mode, on loopback ports,
/// configured only through the documented configuration keys: gateway A talks to silo 1,
/// gateway B to silo 2.
/// </summary>
public sealed class TwoGatewaysTests : IAsyncLifetime
{
    private readonly string _clusterId = "two-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int _primary = FreePorts.Next();
    private readonly List<IHost> _silos = [];
    private GatewayFactory _gatewayA = null!;
    private GatewayFactory _gatewayB = null!;

    public async Task InitializeAsync()
    {
        var gateway1 = FreePorts.Next();
        var gateway2 = FreePorts.Next();
        _silos.Add(await StartSiloAsync(_primary, gateway1));
        _silos.Add(await StartSiloAsync(FreePorts.Next(), gateway2));
        _gatewayA = Client(gateway1);
        _gatewayB = Client(gateway2);
    }

    public async Task DisposeAsync()
    {
        await _gatewayA.DisposeAsync();
        await _gatewayB.DisposeAsync();
        foreach (var silo in _silos)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    [Fact]
    public async Task Events_through_gateway_A_and_a_dwell_threshold_are_pushed_to_the_stream_on_gateway_B()
    {
        var a = _gatewayA.Api();
        var b = _gatewayB.Api();
        var account = await a.CreateAccountAsync();
        await account.DwellOfferAsync(2);
        var session = await account.StartSessionAsync();

        await using var stream = await session.OpenStreamAsync(through: b);
        Assert.False((await stream.NextAsync(TimeSpan.FromSeconds(10))).Decision.Offers("offer"));

        // Through A; nothing in flight afterwards.
        var timing = await DwellTiming.MeasureAsync(() => session.SendAsync(Page("/product/7")), stream);
        Assert.True(timing.Pushed.Decision.Offers("offer"));
        timing.AssertPushedWithinASecondOfThreshold(TimeSpan.FromSeconds(2));

        // An edit through B reaches the session (wherever it lives) by its next event through A (rule 21).
        var throughB = new Account(b, account.Id, account.AdminKey);
        await throughB.PutOkAsync("campaigns", "promo", new { name = "promo", status = "draft", priority = 1, engagements = new[] { Web("offer", "dwell") } });
        Assert.Empty((await session.SendAsync(Page("/home"))).Engagements);
        Assert.Empty((await stream.NextAsync(TimeSpan.FromSeconds(10))).Decision.Engagements);
    }

    [Fact]
    public async Task Health_is_503_once_the_gateway_cannot_reach_the_cluster()
    {
        var a = _gatewayA.Api();
        Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync("/health")).StatusCode);
        foreach (var silo in _silos) await silo.StopAsync();
        await (await a.Http.GetAsync("/health")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    private async Task<IHost> StartSiloAsync(int siloPort, int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Targeting:Cluster:ClusterId"] = _clusterId,
            ["Targeting:Silo:SiloPort"] = siloPort.ToString(),
            ["Targeting:Silo:GatewayPort"] = gatewayPort.ToString(),
            ["Targeting:Cluster:PrimarySiloPort"] = _primary.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        });
        builder.UseOrleans(silo => silo.AddTargetingSilo(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private GatewayFactory Client(int gatewayPort) => new(new Dictionary<string, string?>
    {
        ["Targeting:Cluster:Embedded"] = "false",
        ["Targeting:Cluster:ClusterId"] = _clusterId,
        ["Targeting:Cluster:GatewayPorts"] = gatewayPort.ToString(),
    });
}
