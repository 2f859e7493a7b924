using Targeting.Rules.Validation;
using static Targeting.Tests.Validation.Samples;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

public class CampaignValidationTests
{
    private static IReadOnlyList<ValidationError> Validate(string json) => LibraryValidator.ValidateCampaign(Campaign(json), Library);

    private static IReadOnlyList<ValidationError> ValidateEngagements(string engagements) =>
        LibraryValidator.ValidateCampaign(WithEngagements(engagements), Library);

    private const string Web = """{"id": "web-chat", "source": "web", "kind": "chatButton"}""";

    [Fact]
    public void Campaign_of_the_api_example_is_valid() => IsValid(LibraryValidator.ValidateCampaign(Campaign("""
        {"name": "Checkout rescue",
         "status": "published",
         "priority": 10,
         "engagements": [
           {"id": "help-overlay", "name": "Need help checking out?", "source": "web",
            "kind": "overlay", "behaviorId": "high-value-abandoners",
            "entryPointIds": ["checkout-pages"]},
           {"id": "app-chat", "source": "mobile", "kind": "chatButton", "behaviorId": null}]}
        """), Library with { Behaviors = [.. Library.Behaviors, HighValue with { Id = "high-value-abandoners" }] }));

    [Fact]
    public void Campaign_without_priority_or_engagements_is_valid() =>
        IsValid(Validate("""{"name": "c", "status": "draft"}"""));

    [Fact]
    public void Campaign_without_name_is_refused_at_name() =>
        HasOnlyError(Validate("""{"status": "draft"}"""), "name", "required");

    [Fact]
    public void Campaign_without_status_is_refused_at_status() =>
        HasOnlyError(Validate("""{"name": "c", "priority": 3}"""), "status", "draft | published");

    [Fact]
    public void More_than_100_engagements_are_refused_at_engagements()
    {
        var engagements = string.Join(",", Enumerable.Range(0, Limits.MaxEngagements + 1).Select(i => $$"""{"id": "e{{i}}", "source": "web", "kind": "content"}"""));
        HasOnlyError(ValidateEngagements(engagements), "engagements", "at most 100");
    }

    [Fact]
    public void Null_engagement_is_refused_at_its_index() =>
        HasOnlyError(ValidateEngagements($"{Web}, null"), "engagements[1]", "required");

    [Fact]
    public void Engagement_without_id_is_refused_at_id() =>
        HasOnlyError(ValidateEngagements("""{"source": "web", "kind": "overlay"}"""), "engagements[0].id", "required");

    [Theory]
    [InlineData("Help")]
    [InlineData("-help")]
    [InlineData("help_overlay")]
    public void Engagement_with_an_invalid_id_is_refused_at_id(string id) =>
        HasOnlyError(ValidateEngagements($$"""{"id": "{{id}}", "source": "web", "kind": "overlay"}"""), "engagements[0].id", "not a valid id");

    [Fact]
    public void Duplicate_engagement_ids_are_refused_at_the_second_one() =>
        HasOnlyError(ValidateEngagements($"{Web}, {Web}"), "engagements[1].id", "duplicate engagement id 'web-chat' (also engagements[0])");

    [Fact]
    public void Engagement_name_is_optional_but_capped() =>
        HasOnlyError(ValidateEngagements($$"""{"id": "e", "name": "{{new string('n', 201)}}", "source": "web", "kind": "overlay"}"""), "engagements[0].name", "at most 200");

    [Fact]
    public void Engagement_without_source_is_refused_at_source() =>
        HasOnlyError(ValidateEngagements("""{"id": "e", "kind": "overlay"}"""), "engagements[0].source", "web | mobile");

    [Fact]
    public void Engagement_without_kind_is_refused_at_kind() =>
        HasOnlyError(ValidateEngagements("""{"id": "e", "source": "web"}"""), "engagements[0].kind", "chatButton | overlay | stickyButton | content");

    [Fact]
    public void Engagement_with_unknown_behavior_is_refused_at_behavior_id() =>
        HasOnlyError(ValidateEngagements($$"""{{Web}}, {"id": "e", "source": "web", "kind": "overlay", "behaviorId": "nobody"}"""),
            "engagements[1].behaviorId", "unknown behavior 'nobody'");

    [Fact]
    public void Engagement_with_unknown_entry_point_is_refused_at_that_id() =>
        HasOnlyError(ValidateEngagements("""{"id": "e", "source": "web", "kind": "overlay", "entryPointIds": ["checkout-pages", "pdp"]}"""),
            "engagements[0].entryPointIds[1]", "unknown entry point 'pdp'");

    [Fact]
    public void Engagement_with_an_empty_entry_point_list_is_refused_at_entry_point_ids() =>
        HasOnlyError(ValidateEngagements("""{"id": "e", "source": "web", "kind": "overlay", "entryPointIds": []}"""),
            "engagements[0].entryPointIds", "at least 1");

    [Fact]
    public void Web_engagement_may_use_web_only_conditions_and_url_matchers() =>
        IsValid(ValidateEngagements("""
            {"id": "a", "source": "web", "kind": "overlay", "behaviorId": "lingering", "entryPointIds": ["checkout-pages"]},
            {"id": "b", "source": "web", "kind": "overlay", "behaviorId": "leaving-checkout"}
            """));
}
