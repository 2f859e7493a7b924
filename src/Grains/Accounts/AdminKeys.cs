using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Targeting.Accounts;

/// <summary>
/// Admin keys look like "{accountId}.{secret}": the account part lets the gateway tell a valid key
/// used on another account's path (404) from a wrong key (401); only the secret's SHA-256 is stored.
/// </summary>
public static class AdminKeys
{
    private const int SecretBytes = 32; // 256 bits

    public static (string Key, byte[] Hash) New(string accountId)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{accountId}.{secret}", Hash(secret));
    }

    public static bool TryParse(string? key, out string accountId, out string secret)
    {
        accountId = secret = "";
        var dot = key?.IndexOf('.') ?? -1;
        if (key is null || dot <= 0 || dot == key.Length - 1) return false;
        accountId = key[..dot];
        secret = key[(dot + 1)..];
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] storedHash) =>
        storedHash.Length > 0 && CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);
}
