using Targeting.Storage;

namespace Targeting.SessionScale;

/// <summary>The baseline: an Orleans activation with no state, no timer, no storage.</summary>
public interface INoopGrain : IGrainWithStringKey
{
    Task Touch();
}

public sealed class NoopGrain : Grain, INoopGrain
{
    public Task Touch() => Task.CompletedTask;
}

/// <summary>An activation with one armed grain timer (an hour away), as every live session had before sessions moved their moments to the silo's SessionAlarms.</summary>
public sealed class TimerGrain : Grain, INoopGrain
{
    private IGrainTimer? _timer;

    public Task Touch()
    {
        _timer ??= this.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.FromHours(1),
            Period = Timeout.InfiniteTimeSpan,
            Interleave = false,
            KeepAlive = false,
        });
        return Task.CompletedTask;
    }
}

/// <summary>An activation with persistent state (an empty object written once), as every session has.</summary>
public sealed class StoredGrain([PersistentState("stored", StorageNames.Targeting)] IPersistentState<StoredGrain.Nothing> state) : Grain, INoopGrain
{
    public Task Touch() => state.WriteStateAsync();

    [GenerateSerializer]
    public sealed class Nothing;
}
