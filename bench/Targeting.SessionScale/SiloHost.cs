using Targeting.Testing;
using Orleans.Storage;
using Targeting.Accounts;
using Targeting.Hosting;
using Targeting.Rules.Conditions;
using Targeting.Rules.Library;
using Targeting.Storage;

namespace Targeting.SessionScale;

/// <summary>Where session state is stored while measuring.</summary>
public enum StorageKind
{
    /// <summary>The product's default without Azure: Orleans' in-memory grain storage, inside this process.</summary>
    InMemory,

    /// <summary>Writes succeed and are dropped: stands for a storage outside the process (Azure Table storage).</summary>
    Elsewhere,
}

/// <summary>
/// A silo in this process, configured by the product's own <see cref="TargetingHosting.AddTargetingSilo"/>
/// (the embedded gateway's silo without Kestrel), so the benchmark can call grains directly and
/// measure this process's managed heap exactly.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    public const string AccountId = "bench";

    private readonly IHost _host;

    private SiloHost(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<SiloHost> StartAsync(StorageKind storage, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Targeting:Silo:SiloPort"] = FreePorts.Next().ToString(),
            ["Targeting:Silo:GatewayPort"] = FreePorts.Next().ToString(),
            // A gateway renews its streams' subscriptions every 40 s; the benchmark's observer does not, so it subscribes for longer.
            ["Targeting:Sessions:SubscriptionExpiry"] = "00:10:00",
        });
        builder.UseOrleans(silo =>
        {
            // AddTargetingSilo only adds the system clock if none is there.
            if (time is not null) silo.Services.AddSingleton(time);
            silo.AddTargetingSilo(builder.Configuration);
            if (storage == StorageKind.Elsewhere)
                silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Targeting, (_, _) => new DiscardingStorage());
        });
        var host = builder.Build();
        await host.StartAsync();
        return new SiloHost(host);
    }

    /// <summary>One account whose only engagement waits for <paramref name="seconds"/> on entry point "dwell".</summary>
    public async Task SeedDwellAccountAsync(int seconds)
    {
        var account = Grains.GetGrain<IAccountGrain>(AccountId);
        if (await account.Create("Bench shop") is null) throw new InvalidOperationException("The bench account exists already.");
        await Put(account, new EntryPoint { Id = "dwell", Name = "Dwell page", Matchers = [new Matcher(MatcherKind.Url, MatchOperator.Contains, "/dwell/")] });
        await Put(account, new Behavior
        {
            Id = "dwellers",
            Name = $"{seconds} s on the dwell page",
            Conditions = [new TimeOnEntryPointCondition(["dwell"], seconds)],
        });
        await Put(account, new Campaign
        {
            Id = "dwell",
            Name = "Dwell",
            Status = CampaignStatus.Published,
            Priority = 1,
            Engagements = [new Engagement("dwell-chat", "Still here?", Source.Web, EngagementKind.ChatButton, "dwellers")],
        });
    }

    private static async Task Put(IAccountGrain account, LibraryObject item)
    {
        var write = await account.Put(item);
        if (write.Status is not (WriteStatus.Created or WriteStatus.Replaced))
            throw new InvalidOperationException($"{item.Id}: {write.Status} {string.Join("; ", write.Errors?.Select(e => e.ToString()) ?? [])}");
    }


    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>
/// A grain storage that keeps nothing in this process: every write succeeds (with a new ETag) and is
/// dropped, every read finds nothing. What a silo holds per grain with it is what it would hold with
/// a storage elsewhere (Azure Table storage keeps only the ETag in the grain's state).
/// </summary>
public sealed class DiscardingStorage : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = Guid.NewGuid().ToString("N");
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
