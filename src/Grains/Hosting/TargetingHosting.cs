using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Targeting.Accounts;
using Targeting.Rules;
using Targeting.RuleSets;
using Targeting.Sessions;
using Targeting.Storage;

namespace Targeting.Hosting;

/// <summary>The one place that configures a Targeting silo or client: used by src/Silo, the embedded gateway and tests.</summary>
public static class TargetingHosting
{
    public static ISiloBuilder AddTargetingSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = TargetingSettings.From(configuration);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
        // Operators (and the cluster tests) tune failure detection: Targeting:Cluster:Membership:ProbeTimeout, …
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection("Targeting:Cluster:Membership"));
        // And activation collection (Targeting:Cluster:Collection:CollectionQuantum, …); sessions have their own age.
        silo.Services.AddOptions<GrainCollectionOptions>().Bind(configuration.GetSection("Targeting:Cluster:Collection"))
            .Configure<IOptions<SessionLifetimeOptions>>((o, sessions) =>
                o.ClassSpecificCollectionAge[typeof(SessionGrain).FullName!] = sessions.Value.CollectionAge);
        if (settings.UsesAzureStorage)
        {
            var tables = new TableServiceClient(settings.AzureStorageConnectionString, StorageClientOptions());
            silo.UseAzureStorageClustering(o => o.TableServiceClient = tables);
            silo.AddAzureTableGrainStorage(StorageNames.Targeting, o =>
            {
                o.TableServiceClient = tables;
                o.GrainStorageSerializer = new JsonGrainStorageSerializer();
                // Expired sessions leave nothing behind: clearing deletes the row instead of storing an empty state.
                o.DeleteStateOnClear = true;
            });
            var ip = settings.AdvertisedIP is { } address ? IPAddress.Parse(address) : IPAddress.Loopback;
            silo.ConfigureEndpoints(ip, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.AdvertisedIP is not null);
        }
        else
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort,
                new IPEndPoint(IPAddress.Loopback, settings.PrimarySiloPort), settings.ServiceId, settings.ClusterId);
            silo.AddMemoryGrainStorage(StorageNames.Targeting, o => o.GrainStorageSerializer = new JsonGrainStorageSerializer());
        }

        // A call waiting on storage that is down must end (as 503) in seconds, not after Orleans' default 30 s.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);
        if (DashboardEnabled(configuration)) silo.AddDashboard();
        var services = silo.Services;
        AddSerializer(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SessionLifetimeOptions>().Bind(configuration.GetSection(SessionLifetimeOptions.Section));
        services.AddOptions<AccountLimits>().Bind(configuration.GetSection(AccountLimits.Section));
        services.AddSingleton<RuleSetCache>();
        services.AddSingleton<SessionAlarms>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SessionAlarmsLifecycle>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RuleSetCacheLifecycle>();
        services.AddHostedService<RuleSetRenewal>();
        return silo;
    }

    public static IClientBuilder AddTargetingClient(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = TargetingSettings.From(configuration);
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
        // How soon a client gateway learns of added silos: Targeting:Cluster:Gateway:GatewayListRefreshPeriod.
        client.Services.AddOptions<GatewayOptions>().Bind(configuration.GetSection("Targeting:Cluster:Gateway"));
        if (settings.UsesAzureStorage)
            client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(settings.AzureStorageConnectionString));
        else
            client.UseLocalhostClustering([.. settings.GatewayPorts], settings.ServiceId, settings.ClusterId);
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);
        if (DashboardEnabled(configuration)) client.AddDashboard();
        AddSerializer(client.Services);
        return client;
    }

    // The SDK's defaults retry for up to minutes with 100 s timeouts: during a storage outage every
    // request would hang. A few quick retries, then the failure surfaces (the gateway answers 503 with
    // Retry-After and the client retries); nothing is acknowledged that was not stored.
    private static TableClientOptions StorageClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(2);
        return options;
    }

    /// <summary><c>Targeting:Dashboard:Enabled</c> (default true): the Orleans Dashboard's collectors on silos, its pages on gateways.</summary>
    public static bool DashboardEnabled(IConfiguration configuration) => configuration.GetValue("Targeting:Dashboard:Enabled", true);

    // Engine types cross grain calls as System.Text.Json with the API's conventions, so the engine
    // needs no Orleans attributes; our own grain DTOs use generated serializers.
    private static void AddSerializer(IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(isSupported: IsEngineType, RulesJson.Options));

    private static bool IsEngineType(Type type) =>
        type.Namespace is { } ns && (ns == "Targeting.Rules" || ns.StartsWith("Targeting.Rules.", StringComparison.Ordinal));
}

/// <summary>Gives the rule set cache its observer reference once the silo's runtime is up.</summary>
internal sealed class RuleSetCacheLifecycle(RuleSetCache cache) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RuleSetCacheLifecycle), ServiceLifecycleStage.Active, _ =>
        {
            cache.Attach();
            return Task.CompletedTask;
        });
}

/// <summary>A stopping silo stops waking sessions: its calls would fail or activate grains on a silo on its way out.</summary>
internal sealed class SessionAlarmsLifecycle(SessionAlarms alarms) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SessionAlarmsLifecycle), ServiceLifecycleStage.Active, _ => Task.CompletedTask, _ =>
        {
            alarms.Stop();
            return Task.CompletedTask;
        });
}
