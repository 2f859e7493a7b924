using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Targeting.Rules;
using Targeting.Storage;

namespace Targeting.ReliabilityTests.Infrastructure;

/// <summary>
/// Wraps the silo's "targeting" grain storage: counts reads and writes per state name, keeps the
/// last written payload, and injects faults on demand: a read that fails, a write that fails before storing, or a
/// write that stores and then fails (the outcome a client never learns, as after a timeout; the
/// grain keeps its old ETag, exactly as with Azure Table storage).
/// </summary>
public sealed class StorageProbe
{
    private readonly ConcurrentDictionary<string, int> _reads = new();
    private readonly ConcurrentDictionary<string, int> _writes = new();
    private readonly ConcurrentDictionary<string, string> _lastWritten = new();
    private int _failWrites;
    private int _storeThenFailWrites;
    private int _failReads;

    /// <summary>The next <paramref name="count"/> writes of <see cref="FaultyState"/> fail without storing.</summary>
    public void FailNextWrites(int count) => Interlocked.Exchange(ref _failWrites, count);

    /// <summary>The next <paramref name="count"/> writes of <see cref="FaultyState"/> store, then report failure.</summary>
    public void StoreThenFailNextWrites(int count) => Interlocked.Exchange(ref _storeThenFailWrites, count);

    /// <summary>The next <paramref name="count"/> reads of <see cref="FaultyState"/> fail.</summary>
    public void FailNextReads(int count) => Interlocked.Exchange(ref _failReads, count);

    public string FaultyState { get; set; } = "session";

    public int Reads(string stateName) => _reads.GetValueOrDefault(stateName);
    public int Writes(string stateName) => _writes.GetValueOrDefault(stateName);
    public IEnumerable<string> WrittenPayloads => _lastWritten.Values;

    /// <summary>Decorates the named grain storage registered so far (call from ConfigureTestServices).</summary>
    public static void Decorate(IServiceCollection services, StorageProbe probe)
    {
        var original = services.Last(d => d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Targeting) && d.ServiceType == typeof(IGrainStorage));
        services.Remove(original);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Targeting, (sp, key) =>
            new Decorator((IGrainStorage)original.KeyedImplementationFactory!(sp, key), probe));
        services.AddSingleton(probe);
    }

    private sealed class Decorator(IGrainStorage inner, StorageProbe probe) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            probe._reads.AddOrUpdate(stateName, 1, (_, n) => n + 1);
            if (stateName == probe.FaultyState && TryTake(ref probe._failReads))
                throw new TimeoutException("Injected: the storage read failed.");
            return inner.ReadStateAsync(stateName, grainId, grainState);
        }

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            probe._writes.AddOrUpdate(stateName, 1, (_, n) => n + 1);
            if (stateName == probe.FaultyState && TryTake(ref probe._failWrites))
                throw new TimeoutException("Injected: the storage write failed.");
            var etag = grainState.ETag;
            await inner.WriteStateAsync(stateName, grainId, grainState);
            probe._lastWritten[$"{stateName}/{grainId}"] = JsonSerializer.Serialize(grainState.State, RulesJson.Options);
            if (stateName == probe.FaultyState && TryTake(ref probe._storeThenFailWrites))
            {
                grainState.ETag = etag;
                throw new TimeoutException("Injected: the storage write stored, but its answer was lost.");
            }
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle)
        {
            if (inner is ILifecycleParticipant<ISiloLifecycle> participant) participant.Participate(lifecycle);
        }

        private static bool TryTake(ref int counter)
        {
            while (true)
            {
                var current = Volatile.Read(ref counter);
                if (current <= 0) return false;
                if (Interlocked.CompareExchange(ref counter, current - 1, current) == current) return true;
            }
        }
    }
}
