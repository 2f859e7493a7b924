using Targeting.Rules.Validation;
using static Targeting.Tests.Validation.Samples;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

public class EntryPointValidationTests
{
    private static IReadOnlyList<ValidationError> Validate(string json) => LibraryValidator.ValidateEntryPoint(EntryPoint(json));

    private static IReadOnlyList<ValidationError> ValidateMatcher(string matcher) =>
        Validate($$"""{"name": "ep", "matchers": [{"kind": "section", "value": "home"}, {{matcher}}]}""");

    [Fact]
    public void Entry_point_of_the_api_example_is_valid() => IsValid(Validate("""
        {"name": "Checkout pages",
         "matchers": [
           {"kind": "url",     "operator": "contains", "value": "/checkout"},
           {"kind": "title",   "operator": "exact",    "value": "Secure checkout"},
           {"kind": "url",     "operator": "regex",    "value": "^https://shop\\.example/(cart|basket)$"},
           {"kind": "section", "value": "checkout"}]}
        """));

    [Fact]
    public void Entry_point_without_name_is_refused_at_name() =>
        HasOnlyError(Validate("""{"matchers": [{"kind": "section", "value": "home"}]}"""), "name", "required");

    [Fact]
    public void Entry_point_with_blank_name_is_refused_at_name() =>
        HasOnlyError(Validate("""{"name": "  ", "matchers": [{"kind": "section", "value": "home"}]}"""), "name", "empty");

    [Fact]
    public void Name_longer_than_200_characters_is_refused_at_name()
    {
        var name = new string('n', Limits.MaxNameLength + 1);
        HasOnlyError(Validate($$"""{"name": "{{name}}", "matchers": [{"kind": "section", "value": "home"}]}"""), "name", "at most 200");
        IsValid(Validate($$"""{"name": "{{name[..^1]}}", "matchers": [{"kind": "section", "value": "home"}]}"""));
    }

    [Fact]
    public void Entry_point_without_matchers_is_refused_at_matchers()
    {
        HasOnlyError(Validate("""{"name": "ep"}"""), "matchers", "required");
        HasOnlyError(Validate("""{"name": "ep", "matchers": []}"""), "matchers", "at least 1");
    }

    [Fact]
    public void More_than_50_matchers_are_refused_at_matchers()
    {
        var matchers = string.Join(",", Enumerable.Repeat("""{"kind": "section", "value": "s"}""", Limits.MaxMatchers + 1));
        HasOnlyError(Validate($$"""{"name": "ep", "matchers": [{{matchers}}]}"""), "matchers", "at most 50");
    }

    [Fact]
    public void Null_matcher_is_refused_at_its_index() =>
        HasOnlyError(ValidateMatcher("null"), "matchers[1]", "required");

    [Fact]
    public void Matcher_without_kind_is_refused_at_kind() =>
        HasOnlyError(ValidateMatcher("""{"operator": "exact", "value": "x"}"""), "matchers[1].kind", "url | title | section");

    [Theory]
    [InlineData("url")]
    [InlineData("title")]
    public void Page_matcher_without_operator_is_refused_at_operator(string kind) =>
        HasOnlyError(ValidateMatcher($$"""{"kind": "{{kind}}", "value": "x"}"""), "matchers[1].operator", "exact | contains | regex");

    [Theory]
    [InlineData("""{"kind": "url", "operator": "contains"}""", "required")]
    [InlineData("""{"kind": "title", "operator": "exact", "value": ""}""", "empty")]
    [InlineData("""{"kind": "section"}""", "required")]
    public void Matcher_without_value_is_refused_at_value(string matcher, string fragment) =>
        HasOnlyError(ValidateMatcher(matcher), "matchers[1].value", fragment);

    [Fact]
    public void Section_matcher_with_an_operator_is_refused_at_operator() =>
        HasOnlyError(ValidateMatcher("""{"kind": "section", "operator": "exact", "value": "cart"}"""), "matchers[1].operator", "no operator");

    [Fact]
    public void Matcher_value_longer_than_2048_characters_is_refused_at_value() =>
        HasOnlyError(ValidateMatcher($$"""{"kind": "url", "operator": "contains", "value": "{{new string('a', Limits.MaxStringLength + 1)}}"}"""),
            "matchers[1].value", "at most 2048");

    [Fact]
    public void Regex_longer_than_the_limit_is_refused_as_too_costly()
    {
        var pattern = new string('a', Limits.MaxRegexLength + 1);
        HasOnlyError(ValidateMatcher($$"""{"kind": "url", "operator": "regex", "value": "{{pattern}}"}"""), "matchers[1].value", "too costly");
        IsValid(ValidateMatcher($$"""{"kind": "url", "operator": "regex", "value": "{{pattern[..^1]}}"}"""));
    }

    [Fact]
    public void Regex_that_does_not_compile_is_refused_with_the_reason()
    {
        var error = HasOnlyError(ValidateMatcher("""{"kind": "url", "operator": "regex", "value": "shop/(cart"}"""), "matchers[1].value", "does not compile");
        Assert.Contains("Not enough )'s", error.Message);
        Assert.DoesNotContain("Invalid pattern", error.Message); // the .NET message, shortened to its reason
    }

    [Theory]
    [InlineData(@"(a)\\1", "backreference")]
    [InlineData("(?=cart)c", "lookahead")]
    [InlineData("(?<=shop)/cart", "lookbehind")]
    [InlineData("(?>a+)b", "atomic")]
    public void Regex_the_non_backtracking_engine_refuses_is_refused(string pattern, string construct)
    {
        var error = HasOnlyError(ValidateMatcher($$"""{"kind": "title", "operator": "regex", "value": "{{pattern}}"}"""), "matchers[1].value", construct);
        Assert.Contains("does not run", error.Message);
    }

    [Fact]
    public void Regex_whose_automaton_would_be_huge_is_refused_as_too_costly() =>
        HasOnlyError(ValidateMatcher("""{"kind": "url", "operator": "regex", "value": "(a{1000}){1000}"}"""), "matchers[1].value", "too costly");

    [Fact]
    public void Regex_error_messages_stay_short()
    {
        var pattern = "(" + new string('x', 400) + "[z-a]";
        var error = HasOnlyError(ValidateMatcher($$"""{"kind": "url", "operator": "regex", "value": "{{pattern}}"}"""), "matchers[1].value", "does not compile");
        Assert.True(error.Message.Length <= 200, error.Message);
    }
}
