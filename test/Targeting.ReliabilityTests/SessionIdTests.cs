using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Targeting.ReliabilityTests.Infrastructure;

namespace Targeting.ReliabilityTests;

/// <summary>
/// Session ids carry a MAC the gateway checks first: a forged or guessed id costs no storage read
/// and no grain activation; ids are URL-safe with at least 128 random bits.
/// </summary>
public sealed class SessionIdTests : IAsyncLifetime
{
    private readonly StorageProbe _probe = new();
    private readonly TestGateway _gateway;
    private Account _account = null!;

    public SessionIdTests() => _gateway = new TestGateway(services: s => StorageProbe.Decorate(s, _probe));

    public async Task InitializeAsync() => _account = await _gateway.Api().CreateAccountAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Forged_session_ids_answer_404_without_a_storage_read_or_a_grain_activation()
    {
        var real = await _account.StartSessionAsync();
        var other = await (await _gateway.Api().CreateAccountAsync()).StartSessionAsync();
        var random = new Random(7);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // Ids exactly like issued ones (same length, same alphabet), one with a single character changed, another account's.
        var forged = Enumerable.Range(0, 40)
            .Select(_ => new string([.. Enumerable.Range(0, real.Id.Length).Select(_ => alphabet[random.Next(alphabet.Length)])]))
            .Append(real.Id[..^2] + (real.Id[^2] == 'A' ? 'B' : 'A') + real.Id[^1])
            .Append(other.Id)
            .ToList();

        var readsBefore = _probe.Reads("session");
        var activationsBefore = await SessionActivationsAsync();
        var api = _account.Api;
        foreach (var id in forged)
        {
            var path = $"{_account.Path}/sessions/{id}";
            await (await api.SendAsync(HttpMethod.Post, path + "/events", new { events = new[] { new { type = "aboutToAbandon" } } }))
                .ReadProblemAsync(HttpStatusCode.NotFound);
            await (await api.Http.GetAsync(path + "/decision")).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await api.Http.GetAsync(path + "/decisions")).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await api.SendAsync(HttpMethod.Get, path + "/explanation", key: _account.AdminKey)).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(readsBefore, _probe.Reads("session"));
        Assert.Equal(activationsBefore, await SessionActivationsAsync());
        await real.DecisionAsync(); // the real id still works
    }

    [Fact]
    public async Task Session_ids_are_url_safe_distinct_and_carry_at_least_128_random_bits()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < 50; i++) ids.Add((await _account.StartSessionAsync()).Id);
        Assert.Equal(50, ids.Count);
        foreach (var id in ids)
        {
            Assert.Matches("^[A-Za-z0-9_-]+$", id);
            Assert.True(id.Length * 6 >= 128 + 64, $"{id}: 128 random bits plus the MAC");
        }
    }

    [Fact]
    public async Task Gateways_sharing_the_session_id_key_accept_each_others_ids_and_others_do_not()
    {
        static Dictionary<string, string?> With(string key) => new() { ["Targeting:SessionIdKey"] = key };
        await using var a = new TestGateway(With("cluster-key-1"));
        await using var b = new TestGateway(With("cluster-key-2"));
        var account = await a.Api().CreateAccountAsync();
        var session = await account.StartSessionAsync();
        // Same account id on gateway b (its own silo, own storage): the MAC fails first, so 404 without a lookup.
        await b.Api().CreateAccountAsync(account.Id);
        await (await b.Api().Http.GetAsync(session.Path + "/decision")).ReadProblemAsync(HttpStatusCode.NotFound);
        await session.DecisionAsync();
    }

    private async Task<int> SessionActivationsAsync()
    {
        var management = _gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("SessionGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
