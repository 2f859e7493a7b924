using System.Text.RegularExpressions;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Matching;

/// <summary>
/// A <see cref="Matcher"/> compiled once per rule set (rule 1). Regexes run with
/// <see cref="RegexOptions.NonBacktracking"/> and a time limit, so no tenant pattern can stall a silo.
/// </summary>
internal sealed class PageMatcher
{
    public const int MaxRegexLength = 512;

    // NonBacktracking already matches in time linear in the input; the limit is a backstop, set
    // high enough that a busy machine building its first DFA states does not turn a match into a miss.
    public static readonly TimeSpan RegexTimeLimit = TimeSpan.FromSeconds(1);

    private readonly MatcherKind _kind;
    private readonly MatchOperator _operator;
    private readonly string _value;
    private readonly string _exactValue;
    private readonly Regex? _regex;

    public PageMatcher(Matcher matcher)
    {
        Definition = matcher;
        _kind = matcher.Kind ?? MatcherKind.Section;
        _operator = matcher.Operator ?? MatchOperator.Exact;
        _value = matcher.Value ?? "";
        _exactValue = _kind == MatcherKind.Url ? NormalizeUrl(_value).ToString() : _value;
        if (_kind != MatcherKind.Section && _operator == MatchOperator.Regex)
            _regex = TenantRegexes.Get(_value);
    }

    public Matcher Definition { get; }

    /// <summary>Compiles a tenant pattern the only way this product runs one.</summary>
    public static Regex CreateRegex(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeLimit);

    public bool Matches(CurrentPage page) => _kind switch
    {
        MatcherKind.Url => MatchesText(page.Url, isUrl: true),
        MatcherKind.Title => MatchesText(page.Title, isUrl: false),
        _ => HasSection(page.Sections),
    };

    private bool MatchesText(string? text, bool isUrl)
    {
        if (text is null) return false;
        return _operator switch
        {
            MatchOperator.Contains => text.Contains(_value, StringComparison.OrdinalIgnoreCase),
            MatchOperator.Regex => MatchesRegex(text),
            _ => isUrl
                ? NormalizeUrl(text).SequenceEqual(_exactValue)
                : string.Equals(text, _exactValue, StringComparison.Ordinal),
        };
    }

    private bool MatchesRegex(string text)
    {
        try
        {
            return _regex!.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a pattern too slow for this input matches nothing, rather than stall the silo
        }
    }

    private bool HasSection(IReadOnlyList<string> sections)
    {
        for (var i = 0; i < sections.Count; i++)
            if (string.Equals(sections[i], _value, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>An exact url comparison ignores a #fragment and one trailing slash.</summary>
    internal static ReadOnlySpan<char> NormalizeUrl(ReadOnlySpan<char> url)
    {
        var hash = url.IndexOf('#');
        if (hash >= 0) url = url[..hash];
        if (url.Length > 0 && url[^1] == '/') url = url[..^1];
        return url;
    }
}
