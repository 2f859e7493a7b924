using Targeting.Rules.Library;

namespace Targeting.Rules.Validation;

/// <summary>One matcher of an entry point or flow step: url/title with an operator, or a section.</summary>
internal static class MatcherValidator
{
    public static void Validate(ValidationScope at, Matcher? matcher)
    {
        if (matcher is null)
        {
            at.Error("a matcher is required");
            return;
        }
        if (matcher.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            Check.Enum(at["kind"], matcher.Kind, required: true, "kind");
            return;
        }
        if (kind == MatcherKind.Section)
            ValidateSection(at, matcher);
        else
            ValidatePage(at, matcher);
    }

    private static void ValidateSection(ValidationScope at, Matcher matcher)
    {
        if (matcher.Operator is not null) at["operator"].Error("a section matcher has no operator");
        Check.Text(at["value"], matcher.Value, Limits.MaxSectionLength, required: true, "value");
    }

    private static void ValidatePage(ValidationScope at, Matcher matcher)
    {
        Check.Enum(at["operator"], matcher.Operator, required: true, "operator");
        var errors = at.ErrorCount;
        Check.Text(at["value"], matcher.Value, Limits.MaxStringLength, required: true, "value");
        if (matcher.Operator != MatchOperator.Regex || at.ErrorCount > errors) return;
        if (RegexCheck.Problem(matcher.Value!) is { } problem) at["value"].Error(problem);
    }
}
