using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using Targeting.Hosting;
using Targeting.IntegrationTests.Infrastructure;
using Targeting.Sessions;
using Targeting.Storage;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Cluster;

/// <summary>A silo whose grain storage fails on demand, behind a client-mode gateway.</summary>
public sealed class StorageFailureTests : IAsyncLifetime
{
    private IHost _silo = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        var clusterId = "faults-" + Guid.NewGuid().ToString("N")[..8];
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Targeting:Cluster:ClusterId"] = clusterId,
            ["Targeting:Silo:SiloPort"] = siloPort.ToString(),
            ["Targeting:Silo:GatewayPort"] = gatewayPort.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        });
        builder.UseOrleans(silo => silo
            .AddTargetingSilo(builder.Configuration)
            .AddFaultInjectionMemoryStorage(StorageNames.Targeting, o => o.GrainStorageSerializer = new JsonGrainStorageSerializer(), _ => { }));
        _silo = builder.Build();
        await _silo.StartAsync();
        _gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Targeting:Cluster:Embedded"] = "false",
            ["Targeting:Cluster:ClusterId"] = clusterId,
            ["Targeting:Cluster:GatewayPorts"] = gatewayPort.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _silo.StopAsync();
        _silo.Dispose();
    }

    [Fact]
    public async Task A_failed_write_is_503_with_retry_after_and_applies_none_of_the_batch()
    {
        var api = _gateway.Api();
        var account = await api.CreateAccountAsync();
        await account.EntryPointAsync("cart", Url("contains", "/cart"));
        await account.CampaignAsync("c", Web("chat", null, ["cart"]));
        var session = await account.StartSessionAsync();

        var grains = _silo.Services.GetRequiredService<IGrainFactory>();
        var grainId = grains.GetGrain<ISessionGrain>(SessionKey.Of(account.Id, session.Id)).GetGrainId();
        await grains.GetGrain<IStorageFaultGrain>("session").AddFaultOnWrite(grainId, new InvalidOperationException("storage is down"));

        var failed = await session.PostEventsAsync(Page("/cart"));
        await failed.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(failed.Headers.RetryAfter is not null);
        Assert.False((await session.CurrentAsync()).Offers("chat"), "nothing of the failed batch was applied");

        Assert.True((await session.SendAsync(Page("/cart"))).Offers("chat"), "the retry succeeds");
    }
}
