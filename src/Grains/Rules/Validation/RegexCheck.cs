using System.Text.RegularExpressions;
using Targeting.Rules.Matching;

namespace Targeting.Rules.Validation;

/// <summary>
/// Refuses, at PUT time, a pattern the engine could not run: too long, not compiling, or using a
/// construct <see cref="RegexOptions.NonBacktracking"/> refuses (backreferences, lookarounds,
/// atomic groups, conditionals) or an automaton too large to build.
/// </summary>
internal static class RegexCheck
{
    private const int MaxMessageLength = 200;

    /// <summary>Why the pattern is refused, or null when <see cref="PageMatcher.CreateRegex"/> accepts it.</summary>
    public static string? Problem(string pattern)
    {
        if (pattern.Length > Limits.MaxRegexLength)
            return $"regex is too costly: {pattern.Length} characters, at most {Limits.MaxRegexLength}";
        try
        {
            TenantRegexes.Get(pattern); // compiled once: the rule set compilation after this PUT reuses it
            return null;
        }
        catch (RegexParseException e)
        {
            return Shorten($"regex does not compile: {WithoutPattern(e.Message)} (at offset {e.Offset})");
        }
        catch (NotSupportedException e)
        {
            return Shorten(Unsupported(e.Message));
        }
        catch (ArgumentException e)
        {
            return Shorten($"regex does not compile: {e.Message}");
        }
    }

    // .NET says "Invalid pattern '<the whole pattern>' at offset 3. Nested quantifier '*'.": keep the reason.
    private static string WithoutPattern(string message)
    {
        var offset = message.LastIndexOf(" at offset ", StringComparison.Ordinal);
        var reason = offset < 0 ? -1 : message.IndexOf(". ", offset, StringComparison.Ordinal);
        return (reason < 0 ? message : message[(reason + 2)..]).TrimEnd('.');
    }

    // "... is not supported in conjunction with expressions containing: 'backreference (\ number)'."
    private static string Unsupported(string message)
    {
        const string marker = "containing: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return $"regex is too costly: {message.TrimEnd('.')}";
        var construct = message[(at + marker.Length)..].Trim().TrimEnd('.').Trim('\'');
        return $"regex uses {construct}, which this product does not run (no backreferences, lookarounds, atomic groups or conditionals)";
    }

    private static string Shorten(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";
}
