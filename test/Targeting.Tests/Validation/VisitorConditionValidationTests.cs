using static Targeting.Tests.Validation.BehaviorValidationTests;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

public class VisitorConditionValidationTests
{
    // visitorError

    [Theory]
    [InlineData("""{"type": "visitorError", "message": "Payment declined"}""")]
    [InlineData("""{"type": "visitorError", "message": "Payment declined", "instance": 2, "mode": "exclude"}""")]
    [InlineData("""{"type": "visitorError", "code": "E42"}""")]
    public void Visitor_error_by_message_or_by_code_is_valid(string condition) => IsValid(ValidateCondition(condition));

    [Fact]
    public void Visitor_error_without_message_or_code_is_refused_at_message() =>
        HasOnlyError(ValidateCondition("""{"type": "visitorError"}"""), "conditions[1].message", "either a message or a code");

    [Fact]
    public void Visitor_error_with_both_message_and_code_is_refused_at_code() =>
        HasOnlyError(ValidateCondition("""{"type": "visitorError", "message": "m", "code": "c"}"""), "conditions[1].code", "not both");

    [Fact]
    public void Visitor_error_instance_below_1_is_refused_at_instance() =>
        HasOnlyError(ValidateCondition("""{"type": "visitorError", "message": "m", "instance": 0}"""), "conditions[1].instance", "1 or more");

    [Fact]
    public void Visitor_error_instance_with_a_code_is_refused_at_instance() =>
        HasOnlyError(ValidateCondition("""{"type": "visitorError", "code": "E42", "instance": 2}"""), "conditions[1].instance", "only to a message");

    [Fact]
    public void Visitor_error_with_an_empty_message_is_refused_at_message() =>
        HasOnlyError(ValidateCondition("""{"type": "visitorError", "message": ""}"""), "conditions[1].message", "empty");

    // engagedInSession

    [Theory]
    [InlineData("""{"type": "engagedInSession", "statuses": ["exposed", "declined", "clicked", "interacted"]}""")]
    [InlineData("""{"type": "engagedInSession", "mode": "exclude", "statuses": ["clicked"], "engagementIds": ["help-overlay", "app-chat"]}""")]
    public void Engaged_in_session_with_statuses_is_valid(string condition) => IsValid(ValidateCondition(condition));

    [Theory]
    [InlineData("""{"type": "engagedInSession"}""", "required")]
    [InlineData("""{"type": "engagedInSession", "statuses": []}""", "at least 1")]
    public void Engaged_in_session_without_statuses_is_refused_at_statuses(string condition, string fragment) =>
        HasOnlyError(ValidateCondition(condition), "conditions[1].statuses", fragment);

    [Fact]
    public void Engaged_in_session_with_an_invalid_engagement_id_is_refused_at_that_id() =>
        HasOnlyError(ValidateCondition("""{"type": "engagedInSession", "statuses": ["exposed"], "engagementIds": ["ok", "Not OK"]}"""),
            "conditions[1].engagementIds[1]", "not a valid id");

    [Fact]
    public void Engaged_in_session_with_an_empty_engagement_id_list_is_refused_at_engagement_ids() =>
        HasOnlyError(ValidateCondition("""{"type": "engagedInSession", "statuses": ["exposed"], "engagementIds": []}"""),
            "conditions[1].engagementIds", "leave it out");

    // serviceActivity

    [Fact]
    public void Service_activity_with_topic_and_status_is_valid() =>
        IsValid(ValidateCondition("""{"type": "serviceActivity", "topic": "order checkbook", "status": "waitingForCustomerResponse"}"""));

    [Theory]
    [InlineData("""{"type": "serviceActivity", "status": "complete"}""", "required")]
    [InlineData("""{"type": "serviceActivity", "topic": " ", "status": "complete"}""", "empty")]
    public void Service_activity_without_topic_is_refused_at_topic(string condition, string fragment) =>
        HasOnlyError(ValidateCondition(condition), "conditions[1].topic", fragment);

    [Fact]
    public void Service_activity_without_status_is_refused_at_status() =>
        HasOnlyError(ValidateCondition("""{"type": "serviceActivity", "topic": "loan"}"""), "conditions[1].status", "inProgress");
}
