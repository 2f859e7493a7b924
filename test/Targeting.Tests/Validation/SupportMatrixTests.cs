using Targeting.Rules.Library;
using Targeting.Rules.Validation;
using static Targeting.Tests.Validation.Samples;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

/// <summary>The seed's web/mobile matrix: a mobile engagement cannot use what mobile apps never report (422).</summary>
public class SupportMatrixTests
{
    private static IReadOnlyList<ValidationError> ValidateMobile(string fields, AccountLibrary? library = null) =>
        LibraryValidator.ValidateCampaign(WithEngagements($$"""
            {"id": "web-chat", "source": "web", "kind": "chatButton"},
            {"id": "app-chat", "source": "mobile", "kind": "chatButton"{{fields}}}
            """), library ?? Library);

    private static ValidationError HasOnlyUnsupported(IReadOnlyList<ValidationError> errors, string path, string message)
    {
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Equal(message, error.Message);
        Assert.True(error.Unsupported, "a support matrix error is Unsupported (422)");
        Assert.True(ValidationErrors.AllUnsupported(errors));
        return error;
    }

    [Fact]
    public void Mobile_engagement_with_time_on_entry_point_is_unsupported() =>
        HasOnlyUnsupported(ValidateMobile(""", "behaviorId": "lingering" """), "engagements[1].behaviorId",
            "mobile engagement 'app-chat' cannot use behavior 'lingering': condition 'timeOnEntryPoint' is web only");

    [Fact]
    public void Mobile_engagement_with_about_to_abandon_is_unsupported()
    {
        var library = Library with { Behaviors = [Behavior("""{"name": "exit", "match": "any", "conditions": [{"type": "cartValue", "operator": "decreased"}, {"type": "aboutToAbandon"}]}""", "exit")] };
        HasOnlyUnsupported(ValidateMobile(""", "behaviorId": "exit" """, library), "engagements[1].behaviorId",
            "mobile engagement 'app-chat' cannot use behavior 'exit': condition 'aboutToAbandon' is web only");
    }

    [Fact]
    public void Mobile_engagement_with_a_flow_that_matches_by_title_is_unsupported() =>
        HasOnlyUnsupported(ValidateMobile(""", "behaviorId": "leaving-checkout" """), "engagements[1].behaviorId",
            "mobile engagement 'app-chat' cannot use behavior 'leaving-checkout': condition 'flow' uses flow 'checkout', whose step 2 matches by title, which is web only");

    [Fact]
    public void Mobile_engagement_visiting_an_entry_point_that_matches_by_url_is_unsupported() =>
        HasOnlyUnsupported(ValidateMobile(""", "behaviorId": "saw-checkout" """), "engagements[1].behaviorId",
            "mobile engagement 'app-chat' cannot use behavior 'saw-checkout': condition 'visitedEntryPoint' uses entry point 'checkout-pages', whose matcher 2 matches by url, which is web only");

    [Fact]
    public void Mobile_engagement_limited_to_an_entry_point_that_matches_by_url_is_unsupported() =>
        HasOnlyUnsupported(ValidateMobile(""", "entryPointIds": ["app-cart", "checkout-pages"]"""), "engagements[1].entryPointIds[1]",
            "mobile engagement 'app-chat' cannot be limited to entry point 'checkout-pages': its matcher 2 matches by url, which is web only");

    [Fact]
    public void Mobile_engagement_with_section_only_flows_and_entry_points_is_valid() =>
        IsValid(ValidateMobile(""", "behaviorId": "leaving-app-checkout", "entryPointIds": ["app-cart"]"""));

    [Theory]
    [InlineData("high-value")]
    [InlineData(null)]
    public void Mobile_engagement_with_mobile_conditions_or_all_behaviors_is_valid(string? behaviorId) =>
        IsValid(ValidateMobile(behaviorId is null ? "" : $", \"behaviorId\": \"{behaviorId}\""));

    [Fact]
    public void Each_web_only_condition_of_a_behavior_is_named()
    {
        var library = Library with
        {
            Behaviors = [Behavior("""
                {"name": "both", "conditions": [
                  {"type": "aboutToAbandon"},
                  {"type": "flow", "flowId": "checkout", "trigger": "abandoned"},
                  {"type": "timeOnEntryPoint", "entryPointIds": ["checkout-pages"], "seconds": 5}]}
                """, "both")],
        };
        var errors = ValidateMobile(""", "behaviorId": "both" """, library);
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.True(e.Unsupported && e.Path == "engagements[1].behaviorId"));
        Assert.Contains("'aboutToAbandon' is web only", errors[0].Message);
        Assert.Contains("uses flow 'checkout'", errors[1].Message);
        Assert.Contains("'timeOnEntryPoint' is web only", errors[2].Message);
    }

    [Fact]
    public void Structural_errors_beside_unsupported_ones_make_the_answer_400()
    {
        var errors = ValidateMobile(""", "behaviorId": "lingering", "name": "" """);
        Assert.Contains(errors, e => e.Unsupported);
        Assert.False(ValidationErrors.AllUnsupported(errors));
    }

    // An edit of a behavior, flow or entry point is checked against published campaigns.

    private static AccountLibrary WithPublished(AccountLibrary library, string status = "published") => library with
    {
        Campaigns = [Campaign($$"""
            {"name": "rescue", "status": "{{status}}", "engagements": [
              {"id": "web-chat", "source": "web", "kind": "chatButton", "behaviorId": "lingering"},
              {"id": "app-chat", "source": "mobile", "kind": "chatButton", "behaviorId": "leaving-app-checkout", "entryPointIds": ["app-cart"]}]}
            """, "checkout-rescue")],
    };

    [Fact]
    public void Published_mobile_engagements_of_a_section_only_library_are_valid() =>
        IsValid(LibraryValidator.ValidatePublishedEngagements(WithPublished(Library)));

    [Fact]
    public void Flow_edit_adding_a_url_step_makes_a_published_mobile_engagement_unsupported()
    {
        var edited = Flow("""{"name": "App checkout", "steps": [{"matcher": {"kind": "section", "value": "cart"}}, {"matcher": {"kind": "url", "operator": "contains", "value": "/pay"}}]}""", "app-checkout");
        var library = WithPublished(Library) with { Flows = [WebCheckout, edited] };
        var error = Assert.Single(LibraryValidator.ValidatePublishedEngagements(library));
        Assert.True(error.Unsupported);
        Assert.Equal("campaigns['checkout-rescue'].engagements[1].behaviorId", error.Path);
        Assert.Equal("published campaign 'checkout-rescue': mobile engagement 'app-chat' cannot use behavior 'leaving-app-checkout': "
            + "condition 'flow' uses flow 'app-checkout', whose step 2 matches by url, which is web only", error.Message);
    }

    [Fact]
    public void Behavior_edit_adding_a_web_only_condition_makes_a_published_mobile_engagement_unsupported()
    {
        var edited = LeavingAppCheckout with { Conditions = [.. LeavingAppCheckout.Conditions!, .. Lingering.Conditions!] };
        var library = WithPublished(Library) with { Behaviors = [Lingering, edited] };
        var error = Assert.Single(LibraryValidator.ValidatePublishedEngagements(library));
        Assert.True(error.Unsupported);
        Assert.Contains("'app-chat'", error.Message);
        Assert.Contains("'checkout-rescue'", error.Message);
        Assert.Contains("condition 'timeOnEntryPoint' is web only", error.Message);
    }

    [Fact]
    public void Entry_point_edit_adding_a_title_matcher_makes_a_published_mobile_engagement_unsupported()
    {
        var edited = AppCart with { Matchers = [.. AppCart.Matchers!, new Matcher(MatcherKind.Title, MatchOperator.Exact, "Cart")] };
        var library = WithPublished(Library) with { EntryPoints = [CheckoutPages, edited] };
        var error = Assert.Single(LibraryValidator.ValidatePublishedEngagements(library));
        Assert.True(error.Unsupported);
        Assert.Equal("campaigns['checkout-rescue'].engagements[1].entryPointIds[0]", error.Path);
        Assert.Contains("matcher 2 matches by title", error.Message);
    }

    [Fact]
    public void Draft_campaigns_are_not_checked_when_the_library_changes()
    {
        var edited = AppCart with { Matchers = [new Matcher(MatcherKind.Url, MatchOperator.Contains, "/cart")] };
        IsValid(LibraryValidator.ValidatePublishedEngagements(WithPublished(Library, "draft") with { EntryPoints = [CheckoutPages, edited] }));
    }
}
