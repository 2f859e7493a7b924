using System.Net;
using Targeting.ReliabilityTests.Infrastructure;

namespace Targeting.ReliabilityTests;

/// <summary>
/// A 2xx means stored. A write that fails leaves no phantom change and answers 503 with
/// Retry-After; a retry with the same event ids applies them exactly once; a write whose outcome
/// was lost (stored, but the grain never learned) is resolved by reloading, never by overwriting.
/// </summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private readonly StorageProbe _probe = new();
    private readonly TestGateway _gateway;
    private Account _account = null!;

    public DurabilityTests() => _gateway = new TestGateway(services: s => StorageProbe.Decorate(s, _probe));

    public async Task InitializeAsync()
    {
        _account = await _gateway.Api().CreateAccountAsync();
        await _account.ErrorCountingLibraryAsync();
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_failed_write_rolls_back_answers_503_with_retry_after_and_a_retry_applies_the_batch_exactly_once()
    {
        var session = await _account.StartSessionAsync();
        await session.SendOkAsync(Session.Boom("a1"));
        var before = await session.DecisionAsync();

        _probe.FailNextWrites(1);
        var failed = await session.PostEventsAsync(Session.Boom("b1"), Session.Boom("b2"));
        await failed.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(failed.Headers.RetryAfter is not null, "503 carries Retry-After");

        // Nothing of the batch is visible: no phantom second or third error.
        Assert.Equal(1, await session.BoomCountAsync());
        Assert.Equal(before.ToJsonString(), (await session.DecisionAsync()).ToJsonString());

        var retried = await session.SendOkAsync(Session.Boom("b1"), Session.Boom("b2"));
        Assert.Equal(3, await session.BoomCountAsync());
        Assert.Contains("err-3", retried.ToJsonString());

        var again = await session.SendOkAsync(Session.Boom("b1"), Session.Boom("b2"));
        Assert.Equal(3, await session.BoomCountAsync());
        Assert.Equal(retried["revision"]!.GetValue<long>(), again["revision"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_write_whose_answer_was_lost_is_reloaded_not_overwritten_and_its_retry_applies_once()
    {
        var session = await _account.StartSessionAsync();
        await session.SendOkAsync(Session.Boom("a1"));

        // Storage now holds two errors; the grain rolled back to one and holds a stale ETag.
        _probe.StoreThenFailNextWrites(1);
        await (await session.PostEventsAsync(Session.Boom("b1"))).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        // A different batch: it must land on top of what storage holds (3), not overwrite it (2), nor fail forever.
        var next = await session.SendOkAsync(Session.Boom("c1"));
        Assert.Contains("err-3", next.ToJsonString());
        Assert.Equal(3, await session.BoomCountAsync());

        // The client's retry of the lost batch is skipped by its id.
        await session.SendOkAsync(Session.Boom("b1"));
        Assert.Equal(3, await session.BoomCountAsync());
    }

    [Fact]
    public async Task After_a_failed_write_the_session_is_reloaded_before_it_is_read_and_answers_503_while_storage_cannot_answer()
    {
        var session = await _account.StartSessionAsync();
        await session.SendOkAsync(Session.Boom("a1"));
        var reads = _probe.Reads("session");

        // The write fails and so does the reload that follows it: the unstored batch must never be shown.
        _probe.FailNextWrites(1);
        _probe.FailNextReads(1);
        await (await session.PostEventsAsync(Session.Boom("b1"))).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        var unavailable = await session.Account.Api.Http.GetAsync(session.Path + "/decision");
        await unavailable.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(unavailable.Headers.RetryAfter is not null, "503 carries Retry-After");

        // Storage answers again: the session is what storage holds, one error, not two.
        Assert.Equal(1, await session.BoomCountAsync());
        Assert.True(_probe.Reads("session") >= reads + 2, "the state was reloaded from storage, not kept from memory");
        await session.SendOkAsync(Session.Boom("b1"));
        Assert.Equal(2, await session.BoomCountAsync());
    }

    [Fact]
    public async Task A_failed_write_of_a_library_object_changes_nothing_and_answers_503()
    {
        _probe.FaultyState = "account";
        try
        {
            var before = await _account.Api.SendAsync(HttpMethod.Get, $"{_account.Path}/behaviors/boom-2", key: _account.AdminKey);
            var beforeText = await before.Content.ReadAsStringAsync();
            _probe.FailNextWrites(1);
            var failed = await _account.Api.SendAsync(HttpMethod.Put, $"{_account.Path}/behaviors/boom-2",
                new { name = "changed", conditions = new[] { new { type = "visitorError", message = "boom", instance = 5 } } }, _account.AdminKey);
            await failed.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(failed.Headers.RetryAfter is not null);
            var after = await _account.Api.SendAsync(HttpMethod.Get, $"{_account.Path}/behaviors/boom-2", key: _account.AdminKey);
            Assert.Equal(beforeText, await after.Content.ReadAsStringAsync());
        }
        finally
        {
            _probe.FaultyState = "session";
        }
    }
}
