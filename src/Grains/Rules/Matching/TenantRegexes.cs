using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Targeting.Rules.Matching;

/// <summary>
/// Tenant patterns compiled once per process: building a NonBacktracking regex costs tens of
/// milliseconds, so validation at PUT time and every later rule set compilation share one
/// instance per pattern (Regex is thread-safe). Each is matched once when built, so the first
/// visitor's page view does not pay for the engine's start-up.
/// </summary>
internal static class TenantRegexes
{
    private const int MaxCached = 10_000;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached)) return cached;
        var regex = PageMatcher.CreateRegex(pattern);
        try
        {
            regex.IsMatch("https://warm.up/");
        }
        catch (RegexMatchTimeoutException)
        {
            // warming is best effort
        }
        if (Cache.Count >= MaxCached) Cache.Clear(); // bounded: a tenant cannot grow it without limit
        return Cache.GetOrAdd(pattern, regex);
    }
}
