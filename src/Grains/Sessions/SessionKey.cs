namespace Targeting.Sessions;

/// <summary>A session grain's key: "{accountId}/{sessionId}", so a session id is only valid under its own account.
/// Ids are issued and checked by the gateway (Targeting.Gateway.Infrastructure.SessionIds).</summary>
public static class SessionKey
{
    public static string Of(string accountId, string sessionId) => $"{accountId}/{sessionId}";

    public static (string AccountId, string SessionId) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
