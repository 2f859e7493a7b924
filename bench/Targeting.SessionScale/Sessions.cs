using Orleans.Concurrency;
using System.Buffers.Text;
using System.Security.Cryptography;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Sessions;

namespace Targeting.SessionScale;

/// <summary>Sessions driven by direct grain calls (what the gateway's endpoints do after parsing the request).</summary>
public static class Sessions
{
    /// <summary>As many ids as asked, 32 base64url characters like the gateway's (grain keys are strings: their length counts).</summary>
    public static string[] NewIds(int count) =>
        Enumerable.Range(0, count).Select(_ => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24))).ToArray();

    public static ISessionGrain Grain(IGrainFactory grains, string id) =>
        grains.GetGrain<ISessionGrain>(SessionKey.Of(SiloHost.AccountId, id));

    private const string DwellUrl = "https://shop.example/dwell/boots";

    /// <summary>A page view on the dwell page, with strings of its own, as if just read from a request body
    /// (the grain receives the batch without a copy, and the session keeps the url: shared literals would hide that).</summary>
    public static PageViewEvent DwellPageView() =>
        new() { Id = new string("pv-1".AsSpan()), Url = new string(DwellUrl.AsSpan()), Title = new string("Boots".AsSpan()) };

    public static async Task StartAsync(IGrainFactory grains, string id)
    {
        var started = await Grain(grains, id).Start(Source.Web);
        if (started.Status != SessionStatus.Ok) throw new InvalidOperationException($"Session start: {started.Status}");
    }

    public static async Task ViewDwellPageAsync(IGrainFactory grains, string id)
    {
        var applied = await Grain(grains, id).ApplyEvents(new Immutable<VisitorEvent[]>([DwellPageView()]));
        if (applied.Status != SessionStatus.Ok) throw new InvalidOperationException($"Page view: {applied.Status}");
    }

    /// <summary>Runs <paramref name="action"/> for every id, <paramref name="concurrency"/> at a time.</summary>
    public static Task ForEachAsync(IReadOnlyList<string> ids, int concurrency, Func<string, Task> action) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) => await action(id));
}
