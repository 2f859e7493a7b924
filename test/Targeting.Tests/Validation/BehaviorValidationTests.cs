using Targeting.Rules.Validation;
using static Targeting.Tests.Validation.Samples;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

public class BehaviorValidationTests
{
    internal static IReadOnlyList<ValidationError> Validate(string json) => LibraryValidator.ValidateBehavior(Behavior(json), Library);

    /// <summary>Validates a behavior whose second condition is <paramref name="condition"/> (the first is always valid).</summary>
    internal static IReadOnlyList<ValidationError> ValidateCondition(string condition) =>
        LibraryValidator.ValidateBehavior(WithConditions($$"""{"type": "aboutToAbandon"}, {{condition}}"""), Library);

    [Fact]
    public void Behavior_of_the_api_example_is_valid() => IsValid(Validate("""
        {"name": "High-value cart abandoners",
         "match": "all",
         "conditions": [
           {"type": "flow", "flowId": "checkout", "trigger": "abandoned"},
           {"type": "cartValue", "operator": "between", "min": 50, "max": 100}]}
        """));

    [Fact]
    public void Behavior_without_match_is_valid_as_all() =>
        IsValid(Validate("""{"name": "b", "conditions": [{"type": "aboutToAbandon"}]}"""));

    [Fact]
    public void Behavior_without_name_is_refused_at_name() =>
        HasOnlyError(Validate("""{"conditions": [{"type": "aboutToAbandon"}]}"""), "name", "required");

    [Fact]
    public void Behavior_without_conditions_is_refused_at_conditions()
    {
        HasOnlyError(Validate("""{"name": "b"}"""), "conditions", "required");
        HasOnlyError(Validate("""{"name": "b", "conditions": []}"""), "conditions", "at least 1");
    }

    [Fact]
    public void More_than_50_conditions_are_refused_at_conditions()
    {
        var conditions = string.Join(",", Enumerable.Repeat("""{"type": "aboutToAbandon"}""", Limits.MaxConditions + 1));
        HasOnlyError(Validate($$"""{"name": "b", "conditions": [{{conditions}}]}"""), "conditions", "at most 50");
    }

    [Fact]
    public void Null_condition_is_refused_at_its_index() =>
        HasOnlyError(ValidateCondition("null"), "conditions[1]", "required");

    // flow

    [Fact]
    public void Flow_condition_with_known_flow_and_trigger_is_valid() =>
        IsValid(ValidateCondition("""{"type": "flow", "flowId": "app-checkout", "trigger": "backflow"}"""));

    [Fact]
    public void Flow_condition_without_flow_id_is_refused_at_flow_id() =>
        HasOnlyError(ValidateCondition("""{"type": "flow", "trigger": "abandoned"}"""), "conditions[1].flowId", "required");

    [Fact]
    public void Flow_condition_with_unknown_flow_is_refused_at_flow_id() =>
        HasOnlyError(ValidateCondition("""{"type": "flow", "flowId": "nowhere", "trigger": "abandoned"}"""), "conditions[1].flowId", "unknown flow 'nowhere'");

    [Fact]
    public void Flow_condition_with_invalid_flow_id_is_refused_at_flow_id() =>
        HasOnlyError(ValidateCondition("""{"type": "flow", "flowId": "Check Out", "trigger": "abandoned"}"""), "conditions[1].flowId", "not a valid id");

    [Fact]
    public void Flow_condition_without_trigger_is_refused_at_trigger() =>
        HasOnlyError(ValidateCondition("""{"type": "flow", "flowId": "checkout"}"""), "conditions[1].trigger", "abandoned | backflow");

    // timeOnEntryPoint

    [Fact]
    public void Time_on_entry_point_with_known_entry_points_is_valid() =>
        IsValid(ValidateCondition("""{"type": "timeOnEntryPoint", "entryPointIds": ["checkout-pages", "app-cart"], "seconds": 86400}"""));

    [Theory]
    [InlineData("""{"type": "timeOnEntryPoint", "seconds": 30}""", "required")]
    [InlineData("""{"type": "timeOnEntryPoint", "entryPointIds": [], "seconds": 30}""", "at least 1")]
    public void Time_on_entry_point_without_entry_points_is_refused_at_entry_point_ids(string condition, string fragment) =>
        HasOnlyError(ValidateCondition(condition), "conditions[1].entryPointIds", fragment);

    [Fact]
    public void Time_on_entry_point_with_unknown_entry_point_is_refused_at_that_id() =>
        HasOnlyError(ValidateCondition("""{"type": "timeOnEntryPoint", "entryPointIds": ["app-cart", "pdp"], "seconds": 30}"""),
            "conditions[1].entryPointIds[1]", "unknown entry point 'pdp'");

    [Fact]
    public void Time_on_entry_point_with_more_than_50_entry_points_is_refused()
    {
        var ids = string.Join(",", Enumerable.Repeat("\"app-cart\"", Limits.MaxEntryPointIds + 1));
        HasOnlyError(ValidateCondition($$"""{"type": "timeOnEntryPoint", "entryPointIds": [{{ids}}], "seconds": 30}"""), "conditions[1].entryPointIds", "at most 50");
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData(""", "seconds": 0""", "1..86400")]
    [InlineData(""", "seconds": 86401""", "1..86400")]
    public void Time_on_entry_point_seconds_outside_1_to_86400_are_refused_at_seconds(string seconds, string fragment) =>
        HasOnlyError(ValidateCondition($$"""{"type": "timeOnEntryPoint", "entryPointIds": ["app-cart"]{{seconds}}}"""), "conditions[1].seconds", fragment);

    // visitedEntryPoint

    [Theory]
    [InlineData("")]
    [InlineData(""", "mode": "exclude" """)]
    public void Visited_entry_point_with_known_entry_points_is_valid(string mode) =>
        IsValid(ValidateCondition($$"""{"type": "visitedEntryPoint", "entryPointIds": ["checkout-pages"]{{mode}}}"""));

    [Fact]
    public void Visited_entry_point_without_entry_points_is_refused_at_entry_point_ids() =>
        HasOnlyError(ValidateCondition("""{"type": "visitedEntryPoint", "mode": "include"}"""), "conditions[1].entryPointIds", "required");

    [Fact]
    public void Visited_entry_point_with_unknown_entry_point_is_refused_at_that_id() =>
        HasOnlyError(ValidateCondition("""{"type": "visitedEntryPoint", "entryPointIds": ["gone"]}"""), "conditions[1].entryPointIds[0]", "unknown entry point 'gone'");

    // aboutToAbandon

    [Fact]
    public void About_to_abandon_needs_no_fields() =>
        IsValid(Validate("""{"name": "b", "match": "any", "conditions": [{"type": "aboutToAbandon"}]}"""));
}
