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
