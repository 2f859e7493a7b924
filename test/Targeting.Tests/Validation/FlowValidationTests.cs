using Targeting.Rules.Validation;
using static Targeting.Tests.Validation.Samples;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

public class FlowValidationTests
{
    private static IReadOnlyList<ValidationError> Validate(string json) => LibraryValidator.ValidateFlow(Flow(json));

    private static string Step(string value, string required = "") =>
        $$"""{"matcher": {"kind": "url", "operator": "contains", "value": "{{value}}"}{{(required.Length > 0 ? $", \"required\": {required}" : "")}}}""";

    [Fact]
    public void Flow_of_the_api_example_is_valid() => IsValid(Validate("""
        {"name": "Checkout",
         "steps": [
           {"matcher": {"kind": "url", "operator": "contains", "value": "/cart"},         "required": true},
           {"matcher": {"kind": "url", "operator": "contains", "value": "/checkout"},     "required": true},
           {"matcher": {"kind": "url", "operator": "contains", "value": "/gift-wrap"},    "required": false},
           {"matcher": {"kind": "url", "operator": "contains", "value": "/confirmation"}, "required": true}]}
        """));

    [Fact]
    public void Flow_without_name_is_refused_at_name() =>
        HasOnlyError(Validate($$"""{"steps": [{{Step("/a")}}, {{Step("/b")}}]}"""), "name", "required");

    [Fact]
    public void Flow_with_one_step_is_refused_at_steps() =>
        HasOnlyError(Validate($$"""{"name": "f", "steps": [{{Step("/a")}}]}"""), "steps", "at least 2");

    [Fact]
    public void Flow_without_steps_is_refused_at_steps() =>
        HasOnlyError(Validate("""{"name": "f"}"""), "steps", "required");

    [Fact]
    public void Flow_with_more_steps_than_the_engine_tracks_is_refused_at_steps()
    {
        var steps = string.Join(",", Enumerable.Range(0, Limits.MaxFlowSteps + 1).Select(i => Step($"/{i}")));
        HasOnlyError(Validate($$"""{"name": "f", "steps": [{{steps}}]}"""), "steps", $"at most {Limits.MaxFlowSteps}");
        var most = string.Join(",", Enumerable.Range(0, Limits.MaxFlowSteps).Select(i => Step($"/{i}")));
        IsValid(Validate($$"""{"name": "f", "steps": [{{most}}]}"""));
    }

    [Fact]
    public void Flow_with_no_required_step_is_refused_at_steps() =>
        HasOnlyError(Validate($$"""{"name": "f", "steps": [{{Step("/a", "false")}}, {{Step("/b", "false")}}]}"""), "steps", "at least one step must be required");

    [Fact]
    public void Step_without_required_counts_as_required() =>
        IsValid(Validate($$"""{"name": "f", "steps": [{{Step("/a", "false")}}, {{Step("/b")}}]}"""));

    [Fact]
    public void Step_without_matcher_is_refused_at_its_matcher() =>
        HasOnlyError(Validate($$"""{"name": "f", "steps": [{{Step("/a")}}, {"required": true}]}"""), "steps[1].matcher", "required");

    [Fact]
    public void Null_step_is_refused_at_its_index() =>
        HasOnlyError(Validate($$"""{"name": "f", "steps": [{{Step("/a")}}, null]}"""), "steps[1]", "required");

    [Fact]
    public void Step_matcher_is_checked_like_an_entry_point_matcher()
    {
        HasOnlyError(Validate($$$"""{"name": "f", "steps": [{{{Step("/a")}}}, {"matcher": {"kind": "url", "operator": "regex", "value": "(?=x)"}}]}"""),
            "steps[1].matcher.value", "lookahead");
        HasOnlyError(Validate($$$"""{"name": "f", "steps": [{"matcher": {"kind": "section", "operator": "exact", "value": "cart"}}, {{{Step("/b")}}}]}"""),
            "steps[0].matcher.operator", "no operator");
    }
}
