using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Targeting.Rules.Sessions;
using Targeting.Sessions;
using Targeting.Storage;

namespace Targeting.IntegrationTests.Infrastructure;

/// <summary>
/// Looks into a gateway's embedded silo without calling the session grain (a call would activate
/// it and so change what is being observed): what storage holds, and whether it is activated.
/// </summary>
public sealed class SiloProbe(IServiceProvider services)
{
    private IGrainFactory Grains => services.GetRequiredService<IGrainFactory>();

    /// <summary>The session's stored state, or null when storage holds none.</summary>
    public async Task<SessionState?> StoredAsync(string accountId, string sessionId)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Targeting);
        var state = new GrainState<SessionState>();
        await storage.ReadStateAsync("session", Session(accountId, sessionId).GetGrainId(), state);
        return state.RecordExists ? state.State : null;
    }

    /// <summary>Reads storage every 100 ms until <paramref name="holds"/> is true of what it holds (null: nothing); false at the timeout.</summary>
    public async Task<bool> StoredEventuallyAsync(string accountId, string sessionId, Func<SessionState?, bool> holds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!holds(await StoredAsync(accountId, sessionId)))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }

    public async Task<bool> IsActivatedAsync(string accountId, string sessionId)
    {
        var id = Session(accountId, sessionId).GetGrainId();
        return (await Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(id.Type)).Contains(id);
    }

    /// <summary>Collects the session's activation, as the silo does with an idle one, and waits until it is gone.</summary>
    public async Task DeactivateAsync(string accountId, string sessionId)
    {
        await Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(Session(accountId, sessionId).GetGrainId());
        for (var wait = 0; wait < 100 && await IsActivatedAsync(accountId, sessionId); wait++) await Task.Delay(50);
        Assert.False(await IsActivatedAsync(accountId, sessionId), "the session is still activated");
    }

    private ISessionGrain Session(string accountId, string sessionId) => Grains.GetGrain<ISessionGrain>(SessionKey.Of(accountId, sessionId));
}
