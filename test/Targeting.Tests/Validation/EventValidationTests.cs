using System.Text.Json;
using Targeting.Rules;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Validation;
using static Targeting.Tests.Validation.ValidationAssert;

namespace Targeting.Tests.Validation;

public class EventValidationTests
{
    private static IReadOnlyList<VisitorEvent> Events(string json) =>
        JsonSerializer.Deserialize<List<VisitorEvent>>($"[{json}]", RulesJson.Options)!;

    private static IReadOnlyList<ValidationError> Web(string json) => EventValidator.Validate(Events(json), Source.Web);

    private static IReadOnlyList<ValidationError> Mobile(string json) => EventValidator.Validate(Events(json), Source.Mobile);

    /// <summary>A valid page view first, then the event under test at events[1].</summary>
    private static IReadOnlyList<ValidationError> WebSecond(string json) =>
        Web($$"""{"type": "pageView", "url": "https://shop.example/"}, {{json}}""");

    private const string Page = """{"type": "pageView", "url": "https://shop.example/cart"}""";

    [Fact]
    public void Every_event_type_of_the_api_is_valid() => IsValid(Web("""
        {"type": "pageView", "id": "e1", "url": "https://shop.example/cart", "title": "Cart", "sections": ["cart", "shop"]},
        {"type": "cartUpdate", "total": 120.5, "currency": "EUR", "products": [{"name": "TV", "sku": "tv-1", "category": "tv", "price": 120.5, "quantity": 1}]},
        {"type": "cartUpdate", "total": 0},
        {"type": "productView", "products": [{"name": "TV", "sku": "tv-1", "category": "tv", "price": 120.5}], "currency": "EUR"},
        {"type": "visitorError", "message": "Payment declined"},
        {"type": "visitorError", "code": "E42"},
        {"type": "serviceActivity", "topic": "loan", "status": "inProgress"},
        {"type": "engagementStatus", "campaignId": "checkout-rescue", "engagementId": "help-overlay", "status": "declined"},
        {"type": "aboutToAbandon"}
        """));

    [Fact]
    public void Missing_or_empty_batch_is_refused_at_events()
    {
        HasOnlyError(EventValidator.Validate(null, Source.Web), "events", "required");
        HasOnlyError(EventValidator.Validate([], Source.Web), "events", "at least 1");
    }

    [Fact]
    public void More_than_100_events_are_refused_at_events()
    {
        HasOnlyError(Web(string.Join(",", Enumerable.Repeat(Page, Limits.MaxEvents + 1))), "events", "at most 100");
        IsValid(Web(string.Join(",", Enumerable.Repeat(Page, Limits.MaxEvents))));
    }

    [Fact]
    public void Null_event_is_refused_at_its_index() =>
        HasOnlyError(WebSecond("null"), "events[1]", "required");

    [Fact]
    public void Event_id_longer_than_128_characters_is_refused_at_id()
    {
        HasOnlyError(WebSecond($$"""{"type": "aboutToAbandon", "id": "{{new string('i', 129)}}"}"""), "events[1].id", "at most 128");
        IsValid(WebSecond($$"""{"type": "aboutToAbandon", "id": "{{new string('i', 128)}}"}"""));
    }

    // pageView, web

    [Fact]
    public void Web_page_view_without_url_is_refused_at_url() =>
        HasOnlyError(WebSecond("""{"type": "pageView", "sections": ["cart"]}"""), "events[1].url", "required");

    [Theory]
    [InlineData("/cart", "absolute")]
    [InlineData("shop.example/cart", "absolute")]
    [InlineData("ftp://shop.example/cart", "http or https")]
    [InlineData("javascript:alert(1)", "http or https")]
    public void Web_page_view_with_a_url_that_is_not_absolute_http_is_refused_at_url(string url, string fragment) =>
        HasOnlyError(WebSecond($$"""{"type": "pageView", "url": "{{url}}"}"""), "events[1].url", fragment);

    [Fact]
    public void Web_page_view_url_longer_than_2048_characters_is_refused_at_url() =>
        HasOnlyError(WebSecond($$"""{"type": "pageView", "url": "https://shop.example/{{new string('p', 2048)}}"}"""), "events[1].url", "at most 2048");

    [Fact]
    public void Web_page_view_title_longer_than_512_characters_is_refused_at_title() =>
        HasOnlyError(WebSecond($$"""{"type": "pageView", "url": "https://shop.example/", "title": "{{new string('t', 513)}}"}"""), "events[1].title", "at most 512");

    [Fact]
    public void Web_page_view_with_more_than_20_sections_is_refused_at_sections()
    {
        var sections = string.Join(",", Enumerable.Range(0, Limits.MaxSections + 1).Select(i => $"\"s{i}\""));
        HasOnlyError(WebSecond($$"""{"type": "pageView", "url": "https://shop.example/", "sections": [{{sections}}]}"""), "events[1].sections", "at most 20");
    }

    [Fact]
    public void Web_page_view_section_longer_than_128_characters_is_refused_at_that_section() =>
        HasOnlyError(WebSecond($$"""{"type": "pageView", "url": "https://shop.example/", "sections": ["ok", "{{new string('s', 129)}}"]}"""),
            "events[1].sections[1]", "at most 128");

    // pageView, mobile

    [Theory]
    [InlineData("""{"type": "pageView", "sections": ["cart"]}""")]
    [InlineData("""{"type": "pageView", "sections": ["cart"], "url": "myapp://cart", "title": "Cart"}""")]
    public void Mobile_page_view_with_sections_is_valid(string json) => IsValid(Mobile(json));

    [Theory]
    [InlineData("""{"type": "pageView", "url": "https://shop.example/cart"}""")]
    [InlineData("""{"type": "pageView", "sections": []}""")]
    public void Mobile_page_view_without_sections_is_refused_at_sections(string json) =>
        HasOnlyError(Mobile(json), "events[0].sections", "at least 1 section");

    // cartUpdate

    [Fact]
    public void Cart_update_without_total_is_refused_at_total() =>
        HasOnlyError(WebSecond("""{"type": "cartUpdate", "products": []}"""), "events[1].total", "required");

    [Fact]
    public void Cart_update_with_a_negative_total_is_refused_at_total() =>
        HasOnlyError(WebSecond("""{"type": "cartUpdate", "total": -0.01}"""), "events[1].total", "0 or more");

    [Fact]
    public void Cart_update_with_more_than_200_products_is_refused_at_products()
    {
        var products = string.Join(",", Enumerable.Repeat("""{"sku": "a"}""", Limits.MaxCartProducts + 1));
        HasOnlyError(WebSecond($$"""{"type": "cartUpdate", "total": 1, "products": [{{products}}]}"""), "events[1].products", "at most 200");
    }

    [Theory]
    [InlineData("""{"price": -1}""", "price", "0 or more")]
    [InlineData("""{"quantity": -1}""", "quantity", "0 or more")]
    [InlineData("""{"name": "x", "sku": "SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS"}""", "sku", "at most 256")]
    [InlineData("""{"category": ""}""", "category", "empty")]
    public void Cart_product_fields_are_checked_at_their_path(string product, string field, string fragment) =>
        HasOnlyError(WebSecond($$"""{"type": "cartUpdate", "total": 1, "products": [{"sku": "ok"}, {{product}}]}"""), $"events[1].products[1].{field}", fragment);

    [Fact]
    public void Null_cart_product_is_refused_at_its_index() =>
        HasOnlyError(WebSecond("""{"type": "cartUpdate", "total": 1, "products": [null]}"""), "events[1].products[0]", "required");

    // productView

    [Theory]
    [InlineData("""{"type": "productView"}""", "required")]
    [InlineData("""{"type": "productView", "products": []}""", "at least 1")]
    public void Product_view_without_products_is_refused_at_products(string json, string fragment) =>
        HasOnlyError(WebSecond(json), "events[1].products", fragment);

    [Fact]
    public void Product_view_with_more_than_50_products_is_refused_at_products()
    {
        var products = string.Join(",", Enumerable.Repeat("""{"sku": "a"}""", Limits.MaxViewedProducts + 1));
        HasOnlyError(WebSecond($$"""{"type": "productView", "products": [{{products}}]}"""), "events[1].products", "at most 50");
    }

    [Fact]
    public void Product_view_with_a_negative_price_is_refused_at_price() =>
        HasOnlyError(WebSecond("""{"type": "productView", "products": [{"sku": "a", "price": -5}]}"""), "events[1].products[0].price", "0 or more");

    // visitorError, serviceActivity, engagementStatus

    [Fact]
    public void Visitor_error_event_with_message_and_code_is_valid() =>
        IsValid(WebSecond("""{"type": "visitorError", "message": "Payment declined", "code": "E42"}"""));

    [Fact]
    public void Visitor_error_event_without_message_or_code_is_refused_at_message() =>
        HasOnlyError(WebSecond("""{"type": "visitorError"}"""), "events[1].message", "a message, a code, or both");

    [Fact]
    public void Service_activity_event_without_topic_is_refused_at_topic() =>
        HasOnlyError(WebSecond("""{"type": "serviceActivity", "status": "pending"}"""), "events[1].topic", "required");

    [Fact]
    public void Service_activity_event_without_status_is_refused_at_status() =>
        HasOnlyError(WebSecond("""{"type": "serviceActivity", "topic": "loan"}"""), "events[1].status", "required");

    [Theory]
    [InlineData("""{"type": "engagementStatus", "engagementId": "e", "status": "exposed"}""", "campaignId", "required")]
    [InlineData("""{"type": "engagementStatus", "campaignId": "Bad Id", "engagementId": "e", "status": "exposed"}""", "campaignId", "not a valid id")]
    [InlineData("""{"type": "engagementStatus", "campaignId": "c", "engagementId": "e/f", "status": "exposed"}""", "engagementId", "not a valid id")]
    [InlineData("""{"type": "engagementStatus", "campaignId": "c", "engagementId": "e"}""", "status", "exposed | declined | clicked | interacted")]
    public void Engagement_status_event_fields_are_checked_at_their_path(string json, string field, string fragment) =>
        HasOnlyError(WebSecond(json), $"events[1].{field}", fragment);
}
