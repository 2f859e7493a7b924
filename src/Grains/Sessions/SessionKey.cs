using System.Buffers.Text;
using System.Security.Cryptography;

namespace Targeting.Sessions;

/// <summary>A session grain's key: "{accountId}/{sessionId}", so a session id is only valid under its own account.</summary>
public static class SessionKey
{
    private const int IdBytes = 16; // 128 bits

    public static string Of(string accountId, string sessionId) => $"{accountId}/{sessionId}";

    public static (string AccountId, string SessionId) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>A new session id: 128 random bits, URL-safe base64 without padding.</summary>
    public static string NewSessionId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));

    /// <summary>Only ids of the shape we issue reach a grain: anything else is 404 without activating one.</summary>
    public static bool IsWellFormed(string? sessionId)
    {
        if (sessionId is not { Length: 22 }) return false;
        foreach (var c in sessionId)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        return true;
    }
}
