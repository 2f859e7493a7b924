using Orleans.Concurrency;

using Targeting.Rules.Evaluation;

namespace Targeting.Sessions;

/// <summary>Receives a session's decisions as they change (a gateway's SSE connection).</summary>
public interface ISessionObserver : IGrainObserver
{
    [OneWay]
    Task OnDecision(Decision decision);

    /// <summary>The session ended (idle expiry): no decision will follow.</summary>
    [OneWay]
    Task OnSessionEnded();
}
