using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Rules;

[Collection(GatewayCollection.Name)]
public sealed class ConditionRules(GatewayFixture fixture) : RuleTestBase(fixture)
{
    [Fact]
    public async Task Rule_11_visited_entry_point_include_and_exclude()
    {
        var (_, session) = await TargetAsync(a => a.EntryPointAsync("sale", Url("contains", "/sale")),
            [new { type = "visitedEntryPoint", entryPointIds = new[] { "sale" }, mode = "include" }],
            [new { type = "visitedEntryPoint", entryPointIds = new[] { "sale" }, mode = "exclude" }]);
        var before = await session.SendAsync(Page("/home"));
        Assert.False(before.Offers("e0"));
        Assert.True(before.Offers("e1"));
        var after = await session.SendAsync(Page("/sale"), Page("/home"));
        Assert.True(after.Offers("e0"));
        Assert.False(after.Offers("e1"));
    }

    [Fact]
    public async Task Rule_12_about_to_abandon_holds_until_the_next_page_view()
    {
        var (_, session) = await TargetAsync(Nothing, [new { type = "aboutToAbandon" }]);
        await session.SendAsync(Page("/home"));
        Assert.True((await session.SendAsync(AboutToAbandon())).Offers("e0"));
        Assert.True((await session.SendAsync(Cart(10))).Offers("e0"));
        Assert.False((await session.SendAsync(Page("/next"))).Offers("e0"));
    }

    [Fact]
    public async Task Rule_13_cart_value_between_with_currency_decreased_and_decreased_to_zero()
    {
        var (_, session) = await TargetAsync(Nothing,
            [new { type = "cartValue", @operator = "between", min = 50, max = 100, currency = "EUR" }],
            [new { type = "cartValue", @operator = "decreased" }],
            [new { type = "cartValue", @operator = "decreasedToZero" }]);
        var d = await session.SendAsync(Cart(60, "EUR"));
        Assert.Equal(["e0"], d.Engagements.Select(e => e.EngagementId));
        d = await session.SendAsync(Cart(40, "EUR"));
        Assert.Equal(["e1"], d.Engagements.Select(e => e.EngagementId));
        d = await session.SendAsync(Cart(0, "EUR"));
        Assert.Equal(["e1", "e2"], d.Engagements.Select(e => e.EngagementId));
        d = await session.SendAsync(Cart(70, "USD"));
        Assert.Empty(d.Engagements);
    }

    [Fact]
    public async Task Rule_14_products_in_cart_include_and_exclude_case_insensitively()
    {
        var (_, session) = await TargetAsync(Nothing,
            [new { type = "productsInCart", mode = "include", by = "sku", values = new[] { "sku-1" } }],
            [new { type = "productsInCart", mode = "exclude", by = "category", values = new[] { "gift" } }]);
        var d = await session.SendAsync(Cart(30, null, Product("Shoe", "SKU-1", "shoes", 30)));
        Assert.True(d.Offers("e0"));
        Assert.True(d.Offers("e1"));
        d = await session.SendAsync(Cart(35, null, Product("Card", "SKU-9", "GIFT", 5), Product("Shoe", "SKU-1", "shoes", 30)));
        Assert.True(d.Offers("e0"));
        Assert.False(d.Offers("e1"));
    }

    [Fact]
    public async Task Rule_15_viewed_product_by_field_and_by_price_range()
    {
        var (_, session) = await TargetAsync(Nothing,
            [new { type = "viewedProduct", mode = "include", by = "category", values = new[] { "Shoes" } }],
            [new { type = "viewedProduct", mode = "include", by = "priceRange", min = 100, max = 200 }]);
        var d = await session.SendAsync(ProductView(Product("Runner", "R1", "shoes", 50)));
        Assert.True(d.Offers("e0"));
        Assert.False(d.Offers("e1"));
        d = await session.SendAsync(ProductView(Product("Coat", "C1", "coats", 150)));
        Assert.True(d.Offers("e0"), "viewed in this session");
        Assert.True(d.Offers("e1"));
    }

    [Fact]
    public async Task Rule_16_visitor_error_by_code_and_exclude_by_message()
    {
        var (_, session) = await TargetAsync(Nothing,
            [new { type = "visitorError", mode = "include", code = "E42" }],
            [new { type = "visitorError", mode = "exclude", message = "Timeout" }]);
        var d = await session.SendAsync(Page("/home"));
        Assert.False(d.Offers("e0"));
        Assert.True(d.Offers("e1"));
        d = await session.SendAsync(Error(code: "E42"), Error(message: "timeout"));
        Assert.True(d.Offers("e0"));
        Assert.False(d.Offers("e1"));
    }

    [Fact]
    public async Task Rule_17_engaged_in_session_clicked_implies_exposed()
    {
        var account = await Api.CreateAccountAsync();
        await account.BehaviorAsync("seen-a", new { type = "engagedInSession", mode = "include", statuses = new[] { "exposed" }, engagementIds = new[] { "a" } });
        await account.CampaignAsync("c", Web("a", null), Web("follow-up", "seen-a"));
        var session = await account.StartSessionAsync();
        Assert.False((await session.SendAsync(Page("/home"))).Offers("follow-up"));
        Assert.True((await session.SendAsync(Engagement("c", "a", "clicked"))).Offers("follow-up"));
    }

    [Fact]
    public async Task Rule_18_service_activity_follows_the_latest_status_of_the_topic()
    {
        var (_, session) = await TargetAsync(Nothing, [new { type = "serviceActivity", topic = "order", status = "approved" }]);
        Assert.False((await session.SendAsync(Service("ORDER", "pending"))).Offers("e0"));
        Assert.True((await session.SendAsync(Service("Order", "approved"))).Offers("e0"));
        Assert.False((await session.SendAsync(Service("order", "closed"))).Offers("e0"));
    }
}
