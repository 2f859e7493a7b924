using System.Security.Cryptography;
using System.Text;
using Targeting.Accounts;
using Targeting.Rules.Validation;

namespace Targeting.Gateway.Infrastructure;

/// <summary>The operator key from <c>Targeting:OperatorKey</c>, kept only as a hash and compared in constant time.</summary>
public sealed class OperatorKey
{
    private readonly byte[]? _hash;

    public OperatorKey(string? key) => _hash = string.IsNullOrEmpty(key) ? null : Hash(key);

    public bool Matches(string? key) => _hash is not null && key is not null && CryptographicOperations.FixedTimeEquals(Hash(key), _hash);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

public static class Bearer
{
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}

/// <summary>
/// Admin endpoints: a missing or wrong key is 401; a valid key of another account is 404, so a
/// key never reveals whether some other account exists.
/// </summary>
public static class AdminKeyFilter
{
    public static async ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = Bearer.From(http.Request);
        if (key is null) return Problems.Unauthorized("Send the account's admin key as 'Authorization: Bearer <key>'.");
        if (!AdminKeys.TryParse(key, out var keyAccount, out _) || !Identifiers.IsValid(keyAccount)
            || !await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(keyAccount).IsAdminKey(key))
            return Problems.Unauthorized("The admin key is not valid (it may have been rotated).");
        var accountId = http.GetRouteValue("accountId") as string;
        if (!string.Equals(keyAccount, accountId, StringComparison.Ordinal))
            return Problems.NotFound($"There is no account '{accountId}'.");
        return await next(context);
    }
}
