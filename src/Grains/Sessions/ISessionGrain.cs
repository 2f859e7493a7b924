using Orleans.Concurrency;
using Targeting.Rules.Evaluation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Validation;

namespace Targeting.Sessions;

/// <summary>One visitor session, keyed "{accountId}/{sessionId}" (see <see cref="SessionKey"/>).</summary>
public interface ISessionGrain : IGrainWithStringKey
{
    Task<SessionResult> Start(Source source);

    /// <summary>Applies the batch in order, all or nothing, and answers once it is durable.</summary>
    /// <remarks>Immutable: the caller never touches the events again, so Orleans passes them without a
    /// deep copy (a JSON round trip per batch for these plain records).</remarks>
    Task<SessionResult> ApplyEvents(Immutable<VisitorEvent[]> events);

    /// <summary>The current decision, or null when the session does not exist (or expired).</summary>
    Task<Decision?> GetDecision();

    Task<SessionExplanation?> Explain();

    /// <summary>Subscribes (or renews) an observer; answers the current decision, or null when the session is gone.</summary>
    Task<Decision?> Subscribe(ISessionObserver observer);

    Task Unsubscribe(ISessionObserver observer);

    /// <summary>The session's moment (<paramref name="due"/>: a dwell threshold or its idle expiry) has come:
    /// decide, push a changed decision, or end the session. Called by the silo's <see cref="SessionAlarms"/>.</summary>
    Task Wake(DateTimeOffset due);
}

public enum SessionStatus
{
    Ok,
    NotFound,
    AccountNotFound,
    Invalid,
    AlreadyExists,
    StorageUnavailable,

    /// <summary>The batch would grow the session past <see cref="Targeting.Rules.Sessions.SessionState.MaxStoredBytes"/>; nothing was applied.</summary>
    StateTooLarge,
}

[GenerateSerializer, Immutable]
public sealed record SessionResult(
    [property: Id(0)] SessionStatus Status,
    [property: Id(1)] Decision? Decision = null,
    [property: Id(2)] ValidationError[]? Errors = null)
{
    public static readonly SessionResult NotFound = new(SessionStatus.NotFound);
}
