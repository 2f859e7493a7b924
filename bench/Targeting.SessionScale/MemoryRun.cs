using Targeting.Rules.Evaluation;
using Targeting.Rules.Sessions;
using Targeting.RuleSets;
using Targeting.Sessions;

namespace Targeting.SessionScale;

/// <summary>
/// Issue 6 item 4, first half: managed heap and process memory per idle session grain. Each case
/// runs its own silo in this process: a baseline after start-up and a warm-up (JIT, pools), then N
/// activations, a few seconds idle, then a full compacting GC; per activation = delta / N.
/// </summary>
public static class MemoryRun
{
    private const int WarmUp = 300;
    private const int Concurrency = 64;

    public sealed record Footprint(double ManagedBytes, double RssBytes, double RssAnonBytes);

    /// <summary>Session grains started with one page view on an entry point with an armed one-hour dwell threshold.
    /// <paramref name="collected"/>: sessions go idle and the silo collects their activations, as it does after two
    /// idle minutes, while their dwell moments stay armed in the silo's <see cref="SessionAlarms"/>. They are started
    /// in five waves, each collected before the next, as visitors arrive and fall idle over time, so process memory
    /// shows what idle sessions keep rather than the high-water mark of all of them activated at once.</summary>
    public static async Task<Footprint> SessionsAsync(string name, int count, StorageKind storage, bool collected = false)
    {
        await using var silo = await SiloHost.StartAsync(storage);
        await silo.SeedDwellAccountAsync(3_600);
        Task Start(string id) => StartWithPageViewAsync(silo, id);
        Task StartAll(string[] ids) => Sessions.ForEachAsync(ids, Concurrency, Start);
        async Task StartInWaves(string[] ids)
        {
            foreach (var wave in ids.Chunk((ids.Length + Waves - 1) / Waves))
            {
                await StartAll(wave);
                await CollectIdleActivationsAsync(silo);
            }
        }
        var footprint = await MeasureAsync(name, count, collected ? StartInWaves : StartAll,
            collected ? () => CollectIdleActivationsAsync(silo) : null);
        Figures.Add($"{name} pending alarms", silo.Services.GetRequiredService<SessionAlarms>().Count);
        if (collected) Figures.Add($"{name} activations left after collection", await SessionActivationsAsync(silo));
        return footprint;
    }

    private const int Waves = 5;

    // What the activation collector does to sessions idle for its age limit, without waiting two minutes.
    private static async Task CollectIdleActivationsAsync(SiloHost silo)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(0.5)); // deactivations finish in the background
    }

    private static async Task<int> SessionActivationsAsync(SiloHost silo)
    {
        var sessionType = silo.Grains.GetGrain<ISessionGrain>("probe/probe").GetGrainId().Type;
        return (await silo.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(sessionType)).Count;
    }

    /// <summary>The Orleans floor: activations of a grain with nothing in it (or, for the split, only a timer or only stored state).</summary>
    public static async Task<Footprint> NoopGrainsAsync<TGrain>(string name, int count) where TGrain : INoopGrain
    {
        await using var silo = await SiloHost.StartAsync(StorageKind.Elsewhere);
        var grainClass = typeof(TGrain).FullName;
        return await MeasureAsync(name, count, ids =>
            Sessions.ForEachAsync(ids, Concurrency, id => silo.Grains.GetGrain<INoopGrain>(id, grainClass).Touch()));
    }

    /// <summary>The engine's share: the same session state (started, one page view, decided) without a grain around it.</summary>
    public static async Task<Footprint> SessionStatesAsync(string name, int count)
    {
        await using var silo = await SiloHost.StartAsync(StorageKind.InMemory);
        await silo.SeedDwellAccountAsync(3_600);
        var ruleSet = await silo.Services.GetRequiredService<RuleSetCache>().GetAsync(SiloHost.AccountId)
            ?? throw new InvalidOperationException("No rule set");
        var kept = new List<SessionState>();
        var footprint = await MeasureAsync(name, count, ids =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var id in ids)
            {
                var state = SessionEngine.Start(id, Rules.Library.Source.Web, now);
                SessionEngine.Decide(state, ruleSet, now);
                SessionEngine.Apply(state, Sessions.DwellPageView(), ruleSet, now);
                SessionEngine.Decide(state, ruleSet, now);
                kept.Add(state);
            }
            return Task.CompletedTask;
        });
        GC.KeepAlive(kept);
        return footprint;
    }

    private static async Task StartWithPageViewAsync(SiloHost silo, string id)
    {
        await Sessions.StartAsync(silo.Grains, id);
        await Sessions.ViewDwellPageAsync(silo.Grains, id);
    }

    private static async Task<Footprint> MeasureAsync(string name, int count, Func<string[], Task> activate, Func<Task>? idle = null)
    {
        await activate(Sessions.NewIds(WarmUp));
        var ids = Sessions.NewIds(count);
        await Task.Delay(TimeSpan.FromSeconds(1));
        if (idle is not null) await idle();
        var managed0 = Machine.FullGc();
        var rss0 = Machine.StatusBytes(Machine.SelfPid, "VmRSS");
        var anon0 = Machine.StatusBytes(Machine.SelfPid, "RssAnon");

        await activate(ids);
        await Task.Delay(TimeSpan.FromSeconds(2)); // idle: nothing in flight
        if (idle is not null) await idle();
        var managed1 = Machine.FullGc();
        var rss1 = Machine.StatusBytes(Machine.SelfPid, "VmRSS");
        var anon1 = Machine.StatusBytes(Machine.SelfPid, "RssAnon");
        GC.KeepAlive(ids);

        var footprint = new Footprint((managed1 - managed0) / (double)count, (rss1 - rss0) / (double)count, (anon1 - anon0) / (double)count);
        Figures.Add($"{name} count", count);
        Figures.Add($"{name} managed heap MB before/after", $"{managed0 / 1e6:F1} / {managed1 / 1e6:F1}");
        Figures.Add($"{name} managed bytes each", Math.Round(footprint.ManagedBytes));
        Figures.Add($"{name} process rss bytes each", Math.Round(footprint.RssBytes));
        Figures.Add($"{name} process rss-anon bytes each", Math.Round(footprint.RssAnonBytes));
        return footprint;
    }
}
