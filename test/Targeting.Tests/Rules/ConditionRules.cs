using Targeting.Rules.Conditions;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

public class ConditionRules
{
    private static SessionDriver With(Condition condition, Source source = Source.Web) => new(new TestLibrary()
        .EntryPoint("cart", Url("/cart"))
        .EntryPoint("pdp", Url("/product/"))
        .Behavior("b", condition)
        .Engage("e", "b", source)
        .Build(), source);

    [Fact]
    public void Rule_11_visited_entry_point_include_needs_one_of_them()
    {
        var session = With(new VisitedEntryPointCondition(["cart", "pdp"])).View("/home");
        Assert.False(session.Offers("e"));
        session.View("/product/1").View("/home");
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_11_visited_entry_point_exclude_needs_none_of_them()
    {
        var session = With(new VisitedEntryPointCondition(["cart", "pdp"], ConditionMode.Exclude)).View("/home");
        Assert.True(session.Offers("e"));
        session.View("/cart").View("/home");
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_12_about_to_abandon_is_true_until_the_next_page_view()
    {
        var session = With(new AboutToAbandonCondition()).View("/home");
        Assert.False(session.Offers("e"));
        session.Send(new AboutToAbandonEvent());
        Assert.True(session.Offers("e"));
        session.View("/other");
        Assert.False(session.Offers("e"));
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(50, true)]
    [InlineData(75.5, true)]
    [InlineData(100, true)]
    [InlineData(100.01, false)]
    public void Rule_13_cart_value_between_is_inclusive_whatever_the_currency(decimal total, bool expected)
    {
        var session = With(new CartValueCondition(CartValueOperator.Between, 50, 100)).Cart(total, "JPY");
        Assert.Equal(expected, session.Offers("e"));
    }

    [Fact]
    public void Rule_13_cart_value_between_with_a_currency_needs_that_currency()
    {
        var session = With(new CartValueCondition(CartValueOperator.Between, 50, 100, "EUR")).Cart(60, "USD");
        Assert.False(session.Offers("e"));
        session.Cart(60, "eur");
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_13_decreased_holds_until_the_next_cart_update()
    {
        var session = With(new CartValueCondition(CartValueOperator.Decreased)).Cart(80);
        Assert.False(session.Offers("e")); // a first report is not a decrease
        session.Cart(60);
        Assert.True(session.Offers("e"));
        session.View("/home");
        Assert.True(session.Offers("e"));
        session.Cart(60);
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_13_decreased_to_zero_needs_a_total_above_zero_before()
    {
        var session = With(new CartValueCondition(CartValueOperator.DecreasedToZero)).Cart(0);
        Assert.False(session.Offers("e"));
        session.Cart(40).Cart(0);
        Assert.True(session.Offers("e"));
        session.Cart(0);
        Assert.False(session.Offers("e"));
    }

    private static Product Item(string name, string sku, string category, decimal price) => new(name, sku, category, price, 1);

    [Fact]
    public void Rule_14_products_in_cart_include_looks_at_the_current_cart_case_insensitively()
    {
        var session = With(new ProductsInCartCondition(ProductField.Category, ["TVs"]))
            .Cart(999, null, Item("OLED 55", "tv-55", "tvs", 999));
        Assert.True(session.Offers("e"));
        session.Cart(20, null, Item("Cable", "c-1", "accessories", 20));
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_14_products_in_cart_exclude_holds_when_none_matches()
    {
        var session = With(new ProductsInCartCondition(ProductField.Sku, ["gift-card"], ConditionMode.Exclude));
        Assert.True(session.Offers("e"));
        session.Cart(50, null, Item("Gift card", "GIFT-CARD", "gifts", 50));
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_15_viewed_product_include_by_name_and_by_price_range()
    {
        var byName = With(new ViewedProductCondition(ProductField.Name, ["oled 55"]))
            .Send(new ProductViewEvent { Products = [Item("OLED 55", "tv-55", "tvs", 999)] })
            .Send(new ProductViewEvent { Products = [Item("Cable", "c", "acc", 5)] });
        Assert.True(byName.Offers("e")); // viewed this session, not only now

        var byPrice = With(new ViewedProductCondition(ProductField.PriceRange, Min: 500, Max: 1000))
            .Send(new ProductViewEvent { Products = [Item("Cable", "c", "acc", 5)] });
        Assert.False(byPrice.Offers("e"));
        byPrice.Send(new ProductViewEvent { Products = [Item("OLED", "tv", "tvs", 1000)] });
        Assert.True(byPrice.Offers("e"));
    }

    [Fact]
    public void Rule_15_viewed_product_exclude_holds_while_none_viewed_matches()
    {
        var session = With(new ViewedProductCondition(ProductField.Category, ["refurbished"], Mode: ConditionMode.Exclude));
        Assert.True(session.Offers("e"));
        session.Send(new ProductViewEvent { Products = [Item("Old TV", "o", "Refurbished", 100)] });
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_16_visitor_error_message_counts_instances_case_insensitively()
    {
        var session = With(new VisitorErrorCondition(Message: "Payment declined", Instance: 2))
            .Send(new VisitorErrorEvent { Message = "payment DECLINED" });
        Assert.False(session.Offers("e"));
        session.Send(new VisitorErrorEvent { Message = "Payment declined", Code = "P1" });
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_16_visitor_error_code_and_exclude()
    {
        var byCode = With(new VisitorErrorCondition(Code: "E500")).Send(new VisitorErrorEvent { Code = "e500" });
        Assert.True(byCode.Offers("e"));

        var excluded = With(new VisitorErrorCondition(Code: "E500", Mode: ConditionMode.Exclude));
        Assert.True(excluded.Offers("e"));
        excluded.Send(new VisitorErrorEvent { Code = "E500" });
        Assert.False(excluded.Offers("e"));
    }

    private static SessionDriver Engaged(EngagedInSessionCondition condition) => new(new TestLibrary()
        .Behavior("b", condition)
        .Engage("e", "b")
        .Engage("other", null, kind: EngagementKind.ChatButton)
        .Engage("offer", null, kind: EngagementKind.Content)
        .Build());

    [Fact]
    public void Rule_17_engaged_in_session_include_looks_at_other_engagements()
    {
        var session = Engaged(new EngagedInSessionCondition([EngagementStatus.Exposed]));
        Assert.False(session.Offers("e"));
        session.Status("c-e", "e", EngagementStatus.Exposed);
        Assert.False(session.Offers("e")); // its own exposure does not count
        session.Status("c-other", "other", EngagementStatus.Exposed);
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_17_clicked_implies_exposed_and_interacted_implies_clicked()
    {
        var exposed = Engaged(new EngagedInSessionCondition([EngagementStatus.Exposed])).Status("c-other", "other", EngagementStatus.Clicked);
        Assert.True(exposed.Offers("e"));
        var clicked = Engaged(new EngagedInSessionCondition([EngagementStatus.Clicked])).Status("c-other", "other", EngagementStatus.Interacted);
        Assert.True(clicked.Offers("e"));
        var interacted = Engaged(new EngagedInSessionCondition([EngagementStatus.Interacted])).Status("c-other", "other", EngagementStatus.Clicked);
        Assert.False(interacted.Offers("e"));
    }

    [Fact]
    public void Rule_17_for_content_engagements_clicked_counts_as_interacted()
    {
        var session = Engaged(new EngagedInSessionCondition([EngagementStatus.Interacted])).Status("c-offer", "offer", EngagementStatus.Clicked);
        Assert.True(session.Offers("e"));
    }

    [Fact]
    public void Rule_17_engagement_ids_and_exclude()
    {
        var listed = Engaged(new EngagedInSessionCondition([EngagementStatus.Declined], ["offer"]))
            .Status("c-other", "other", EngagementStatus.Declined);
        Assert.False(listed.Offers("e"));
        listed.Status("c-offer", "offer", EngagementStatus.Declined);
        Assert.True(listed.Offers("e"));

        var excluded = Engaged(new EngagedInSessionCondition([EngagementStatus.Clicked], Mode: ConditionMode.Exclude));
        Assert.True(excluded.Offers("e"));
        excluded.Status("c-other", "other", EngagementStatus.Clicked);
        Assert.False(excluded.Offers("e"));
    }

    [Fact]
    public void Rule_18_service_activity_is_the_latest_status_of_the_topic()
    {
        var session = With(new ServiceActivityCondition("Order checkbook", ServiceStatus.MissingDetails))
            .Send(new ServiceActivityEvent { Topic = "order CHECKBOOK", Status = ServiceStatus.MissingDetails });
        Assert.True(session.Offers("e"));
        session.Send(new ServiceActivityEvent { Topic = "Order checkbook", Status = ServiceStatus.Complete });
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Mobile_sessions_evaluate_mobile_engagements_only()
    {
        var library = new TestLibrary().Engage("web", null).Engage("app", null, Source.Mobile).Build();
        Assert.Equal(["app"], new SessionDriver(library, Source.Mobile).Offered);
        Assert.Equal(["web"], new SessionDriver(library).Offered);
    }
}
