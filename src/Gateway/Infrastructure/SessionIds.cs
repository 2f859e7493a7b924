using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Targeting.Gateway.Infrastructure;

/// <summary>
/// Session ids are the visitor's only capability, and anyone on the internet can send one. So an
/// id carries a keyed MAC: 16 random bytes (the unguessable part) followed by the first 8 bytes
/// of HMAC-SHA256(key, "{accountId}/{random}"), base64url (32 characters). The gateway checks
/// the MAC before anything else: a forged or guessed id answers 404 without a grain activation or
/// a storage read, so guessing costs the guesser, not the cluster. The MAC binds the account too,
/// so an id is worthless under another account's path.
/// </summary>
/// <remarks>
/// The key is <c>Targeting:SessionIdKey</c>. Every gateway of a cluster must use the same key,
/// or ids issued by one gateway are 404 on the others; changing it ends every live session.
/// Without it, the key is derived from the operator key (which all gateways of a deployment
/// share anyway); with neither, a random key is made up at start-up (one gateway, one run).
/// </remarks>
public sealed class SessionIds
{
    public const int RandomBytes = 16; // 128 bits, the contract's minimum
    private const int MacBytes = 8;
    public const int Length = (RandomBytes + MacBytes) * 4 / 3; // 32 base64url characters, no padding

    private readonly byte[] _key;

    public SessionIds(byte[] key) => _key = key;

    public static SessionIds From(IConfiguration configuration, string? operatorKey)
    {
        if (configuration["Targeting:SessionIdKey"] is { Length: > 0 } configured)
            return new SessionIds(SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
        if (!string.IsNullOrEmpty(operatorKey))
            return new SessionIds(HMACSHA256.HashData(Encoding.UTF8.GetBytes(operatorKey), "targeting session ids"u8));
        return new SessionIds(RandomNumberGenerator.GetBytes(32));
    }

    public string New(string accountId)
    {
        Span<byte> id = stackalloc byte[RandomBytes + MacBytes];
        RandomNumberGenerator.Fill(id[..RandomBytes]);
        Mac(accountId, id[..RandomBytes], id[RandomBytes..]);
        return Base64Url.EncodeToString(id);
    }

    /// <summary>True only for an id this key issued under this account; constant time in the MAC.</summary>
    public bool IsValid(string accountId, string? sessionId)
    {
        if (sessionId is not { Length: Length }) return false;
        Span<byte> id = stackalloc byte[RandomBytes + MacBytes];
        if (!Base64Url.IsValid(sessionId) || Base64Url.DecodeFromChars(sessionId, id) != id.Length) return false;
        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(accountId, id[..RandomBytes], expected);
        return CryptographicOperations.FixedTimeEquals(expected, id[RandomBytes..]);
    }

    private void Mac(string accountId, ReadOnlySpan<byte> random, Span<byte> destination)
    {
        var message = Encoding.UTF8.GetBytes(accountId + "/" + Base64Url.EncodeToString(random));
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, message, mac);
        mac[..destination.Length].CopyTo(destination);
    }
}
