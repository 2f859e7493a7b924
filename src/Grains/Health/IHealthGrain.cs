using Orleans.Concurrency;

namespace Targeting.Health;

/// <summary>Answers from any silo: a gateway that gets an answer can reach the cluster.</summary>
public interface IHealthGrain : IGrainWithIntegerKey
{
    Task<bool> Ping();
}

[StatelessWorker]
public sealed class HealthGrain : Grain, IHealthGrain
{
    public Task<bool> Ping() => Task.FromResult(true);
}
