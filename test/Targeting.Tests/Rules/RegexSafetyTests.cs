using Targeting.Rules.Conditions;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Validation;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

/// <summary>
/// Tenant regexes meet long urls: every pattern of this corpus is either refused at PUT time or
/// matches in linear time (NonBacktracking), so none can stall a silo. A stall would hang the run
/// (the test command kills hung runs), so the assertions are about answers, not time.
/// </summary>
public class RegexSafetyTests
{
    public static TheoryData<string> Pathological => new()
    {
        "(a+)+$",
        "(a|a)*b",
        "(a|aa)+$",
        "(.*a){20}",
        "^(([a-z])+.)+[A-Z]([a-z])+$",
        "(x+x+)+y",
        "^(\\w+\\s?)*$",
        "(.*)*.*=.*",
        "([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
        "(a*)*$",
        "((a+)+)+$",
        "(\\d+)*\\1",
        "(?=a*)+b",
        "(a{1000}){1000}",
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void A_pathological_pattern_is_refused_or_matches_long_urls_in_bounded_time(string pattern)
    {
        var entryPoint = new EntryPoint { Id = "ep", Name = "ep", Matchers = [Url(pattern, MatchOperator.Regex)] };
        if (LibraryValidator.ValidateEntryPoint(entryPoint).Count > 0) return; // refused at PUT time

        var session = new SessionDriver(new TestLibrary()
            .EntryPoint("ep", Url(pattern, MatchOperator.Regex))
            .Engage("e", null, entryPointIds: ["ep"])
            .Build());
        foreach (var tail in new[] { new string('a', 2000) + "!", new string('x', 2000), string.Concat(Enumerable.Repeat("ab1_", 500)) })
        {
            var url = "https://shop.example/" + tail;
            session.Send(new PageViewEvent { Url = url });
            Assert.Equal(new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.NonBacktracking).IsMatch(url), session.Offers("e"));
        }
    }

    [Fact]
    public void Patterns_the_linear_engine_cannot_run_are_refused_with_a_reason()
    {
        var entryPoint = new EntryPoint { Id = "ep", Name = "ep", Matchers = [Url("(\\d+)-\\1", MatchOperator.Regex)] };
        var error = Assert.Single(LibraryValidator.ValidateEntryPoint(entryPoint));
        Assert.Equal("matchers[0].value", error.Path);
    }
}

public class TenantRegexSharing
{
    [Fact]
    public void A_pattern_is_compiled_once_for_validation_and_every_rule_set()
    {
        var pattern = "^https://shop\\.example/sharing-" + Guid.NewGuid().ToString("N") + "$";
        Assert.Empty(LibraryValidator.ValidateEntryPoint(new EntryPoint { Id = "ep", Name = "ep", Matchers = [Url(pattern, MatchOperator.Regex)] }));
        Assert.Same(Targeting.Rules.Matching.TenantRegexes.Get(pattern), Targeting.Rules.Matching.TenantRegexes.Get(pattern));
    }
}
