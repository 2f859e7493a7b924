using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Orleans.Utilities;
using Targeting.RuleSets;
using Targeting.Rules.Compilation;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;
using Targeting.Rules.Validation;
using Targeting.Storage;
using Targeting.Telemetry;

namespace Targeting.Sessions;

/// <summary>
/// One visitor session: applies event batches, persists before answering, decides, and pushes
/// changed decisions to subscribed gateways. Its next moment, the earlier of the engine's next
/// dwell deadline and the idle expiry, is kept by the silo's <see cref="SessionAlarms"/>, not by
/// a grain timer, so an idle session's activation can be collected (after
/// <see cref="SessionLifetimeOptions.CollectionAge"/>) and is woken from storage.
/// </summary>
/// <remarks>
/// Expiry: the alarm wakes the session at <c>LastActivityAt + IdleTimeout</c>, which deletes its
/// stored state on time. If the alarm was lost (its silo died), the next call or activation finds
/// the session expired, deletes the state and answers 404.
/// Subscribed gateways renew every third of <see cref="SessionLifetimeOptions.SubscriptionExpiry"/>,
/// so a session with a stream open is never idle long enough to be collected.
/// </remarks>
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Targeting)] IPersistentState<SessionState> session,
    RuleSetCache ruleSets,
    SessionAlarms alarms,
    IOptions<SessionLifetimeOptions> options,
    TimeProvider time,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private readonly SessionLifetimeOptions _options = options.Value;
    private readonly ObserverManager<ISessionObserver> _observers = new(options.Value.SubscriptionExpiry, logger);
    private string _key = "";
    private string _accountId = "";
    private bool _counted;

    // Set when a write failed: the state in memory may have run ahead of storage, so it is reloaded
    // before anything reads it. Cheaper than copying the state before every batch to roll back.
    private bool _stale;

    private SessionState State => session.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        _accountId = SessionKey.Parse(_key).AccountId;
        // A missing or expired session stays inactive-looking: the call that activated it answers 404 and deactivates it.
        if (!await IsLiveAsync()) return;
        CountActive();
        // The evaluation cache is not stored: rebuild it before anything reads it, or deadlines
        // (dwell timers armed on a silo that died or stopped) and explanations come out wrong.
        var ruleSet = await RuleSetAsync();
        if (SessionEngine.Decide(State, ruleSet, time.GetUtcNow())) await TryWriteAsync();
        Arm(ruleSet);
    }

    public async Task<SessionResult> Start(Source source)
    {
        if (await IsLiveAsync()) return new SessionResult(SessionStatus.AlreadyExists);
        var ruleSet = await ruleSets.GetAsync(_accountId);
        if (ruleSet is null)
        {
            DeactivateOnIdle();
            return new SessionResult(SessionStatus.AccountNotFound);
        }

        var now = time.GetUtcNow();
        session.State = SessionEngine.Start(SessionKey.Parse(_key).SessionId, source, now);
        SessionEngine.Decide(State, ruleSet, now);
        if (await TryWriteAsync() != Write.Stored) return new SessionResult(SessionStatus.StorageUnavailable);
        CountActive();
        Arm(ruleSet);
        return new SessionResult(SessionStatus.Ok, SessionEngine.CurrentDecision(State));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_counted) TargetingMetrics.ActiveSessions.Add(-1);
        return Task.CompletedTask;
    }

    public async Task<SessionResult> ApplyEvents(Immutable<VisitorEvent[]> batch)
    {
        var started = time.GetTimestamp();
        var events = batch.Value;
        if (!await IsLiveAsync()) return Gone();
        var errors = EventValidator.Validate(events, State.Source);
        if (errors.Count > 0) return new SessionResult(SessionStatus.Invalid, Errors: errors.ToArray());

        // One rule set object for the whole batch: never half an old and half a new version (rule 21).
        var ruleSet = await RuleSetAsync();
        var changed = false;
        var applied = 0;
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            applied = 0;
            foreach (var e in events)
                if (SessionEngine.Apply(State, e, ruleSet, now)) applied++;
            changed = SessionEngine.Decide(State, ruleSet, now);
            if (applied == 0 && !changed) break;
            var write = await TryWriteAsync();
            if (write == Write.Stored) break;
            // Storage holds a newer state than ours (another activation wrote, or an earlier write
            // whose outcome we never learned did land). It was reloaded: apply the batch on top of it
            // once more, where event ids skip what is already there. Never overwrite it blindly.
            if (write == Write.Conflict && attempt == 0)
            {
                if (!await IsLiveAsync()) return Gone();
                continue;
            }
            return new SessionResult(write == Write.TooLarge ? SessionStatus.StateTooLarge : SessionStatus.StorageUnavailable);
        }

        TargetingMetrics.EventsApplied.Add(applied);
        TargetingMetrics.DecisionLatency.Record(time.GetElapsedTime(started).TotalMilliseconds);

        Arm(ruleSet);
        var decision = SessionEngine.CurrentDecision(State);
        if (changed) await PushAsync(decision);
        return new SessionResult(SessionStatus.Ok, decision);
    }

    public async Task<Decision?> GetDecision() =>
        await IsLiveAsync() ? SessionEngine.CurrentDecision(State) : GoneDecision();

    public async Task<SessionExplanation?> Explain()
    {
        if (!await IsLiveAsync()) return null;
        return SessionEngine.Explain(State, await RuleSetAsync(), time.GetUtcNow());
    }

    public async Task<Decision?> Subscribe(ISessionObserver observer)
    {
        if (!await IsLiveAsync()) return GoneDecision();
        _observers.Subscribe(observer, observer);
        // Pushes need the observers, which live in this activation: keep it while they may.
        DelayDeactivation(_options.SubscriptionExpiry);
        return SessionEngine.CurrentDecision(State);
    }

    public Task Unsubscribe(ISessionObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task Wake(DateTimeOffset due)
    {
        bool live;
        try
        {
            live = await IsLiveAsync();
        }
        catch (Exception e)
        {
            // Storage is unreachable for the reload after a failed write: try again shortly.
            logger.LogWarning(e, "Could not reload session {Session} to wake it", _key);
            alarms.Set(_key, time.GetUtcNow() + SessionAlarms.RetryAfterFailure);
            return;
        }
        if (!live)
        {
            DeactivateOnIdle();
            return;
        }
        var ruleSet = await RuleSetAsync();
        var now = time.GetUtcNow();
        TargetingMetrics.TimerLateness.Record(Math.Max(0, (now - due).TotalMilliseconds));
        if (SessionEngine.Decide(State, ruleSet, now))
        {
            if (await TryWriteAsync() != Write.Stored)
            {
                alarms.Set(_key, now + SessionAlarms.RetryAfterFailure);
                return;
            }
            await PushAsync(SessionEngine.CurrentDecision(State));
        }
        Arm(ruleSet);
    }

    // False when there is no session (never started, expired, or just expired now: then its state is deleted).
    // Throws while a reload after a failed write cannot reach storage: the caller answers 503.
    private async Task<bool> IsLiveAsync()
    {
        if (_stale)
        {
            await session.ReadStateAsync();
            _stale = false;
        }
        if (!session.RecordExists) return false;
        if (time.GetUtcNow() < ExpiresAt) return true;
        await ExpireAsync();
        return false;
    }

    private DateTimeOffset ExpiresAt => State.LastActivityAt + _options.IdleTimeout;

    private async Task ExpireAsync()
    {
        alarms.Cancel(_key);
        try
        {
            await session.ClearStateAsync();
        }
        catch (Exception e)
        {
            // The stored state stays behind; the next activation retries the deletion.
            logger.LogWarning(e, "Could not delete the state of expired session {Session}", _key);
        }
        await _observers.Notify(o => o.OnSessionEnded());
        _observers.Clear();
    }

    // Called from grain methods only: deactivating during activation would reject the pending call.
    private SessionResult Gone()
    {
        DeactivateOnIdle();
        return SessionResult.NotFound;
    }

    private Decision? GoneDecision()
    {
        DeactivateOnIdle();
        return null;
    }

    private enum Write { Stored, Failed, Conflict, TooLarge }

    private async Task<Write> TryWriteAsync()
    {
        try
        {
            await session.WriteStateAsync();
            return Write.Stored;
        }
        catch (Exception e)
        {
            // The in-memory state must not run ahead of what is stored: it is reloaded before it is read again.
            _stale = true;
            if (StateTooLargeException.IsIn(e))
            {
                logger.LogInformation("Refused a batch for session {Session}: {Reason}", _key, e.Message);
                return Write.TooLarge;
            }
            logger.LogWarning(e, "Could not persist session {Session}", _key);
            if (e is not InconsistentStateException) return Write.Failed;
            // Our ETag is stale, so every later write would fail too: take what storage holds now.
            return await TryReloadAsync() ? Write.Conflict : Write.Failed;
        }
    }

    private async Task<bool> TryReloadAsync()
    {
        try
        {
            await session.ReadStateAsync();
            _stale = false;
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not reload session {Session} after a write conflict", _key);
            return false;
        }
    }

    private async ValueTask<RuleSet> RuleSetAsync() =>
        await ruleSets.GetAsync(_accountId) ?? RuleSet.Empty(_accountId);

    private void Arm(RuleSet ruleSet)
    {
        var now = time.GetUtcNow();
        var due = ExpiresAt;
        if (SessionEngine.NextDeadline(State, ruleSet, now) is { } deadline && deadline < due) due = deadline;
        alarms.Set(_key, due);
    }

    private Task PushAsync(Decision decision)
    {
        TargetingMetrics.DecisionsPushed.Add(_observers.Count);
        return _observers.Notify(o => o.OnDecision(decision));
    }

    private void CountActive()
    {
        if (_counted) return;
        _counted = true;
        TargetingMetrics.ActiveSessions.Add(1);
    }
}
