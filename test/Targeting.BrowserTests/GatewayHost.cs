using Targeting.Testing;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Targeting.BrowserTests;

/// <summary>
/// The real gateway, in-process, in its default embedded mode (co-hosted silo, in-memory storage), listening
/// with Kestrel on a free loopback port so that a browser can reach it.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string OperatorKey = "browser-tests-operator-key";

    private readonly WebApplicationFactory<Program> factory;

    private GatewayHost(WebApplicationFactory<Program> factory, Uri address)
    {
        this.factory = factory;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => factory.Services;

    public static GatewayHost Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Targeting:OperatorKey", OperatorKey);
            web.UseSetting("Targeting:Silo:SiloPort", FreePorts.Next().ToString());
            web.UseSetting("Targeting:Silo:GatewayPort", FreePorts.Next().ToString());
            web.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(factory, new Uri(address));
    }


    public async ValueTask DisposeAsync() => await factory.DisposeAsync();
}
