using Targeting.Rules.Conditions;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using static Targeting.Tests.Rules.TestLibrary;

namespace Targeting.Tests.Rules;

public class MatchingRules
{
    private static SessionDriver Visiting(Matcher matcher) => new(new TestLibrary()
        .EntryPoint("target", matcher)
        .Behavior("b", new VisitedEntryPointCondition(["target"]))
        .Engage("e", "b", entryPointIds: ["target"])
        .Build());

    [Theory]
    [InlineData("https://shop.example/cart", "https://shop.example/cart", true)]
    [InlineData("https://shop.example/cart", "https://shop.example/cart/", true)]
    [InlineData("https://shop.example/cart", "https://shop.example/cart#top", true)]
    [InlineData("https://shop.example/cart/", "https://shop.example/cart", true)]
    [InlineData("https://shop.example/cart", "https://shop.example/cart?x=1", false)]
    [InlineData("https://shop.example/cart", "https://shop.example/Cart", false)]
    [InlineData("https://shop.example/cart", "https://shop.example/cart//", false)]
    public void Rule_01_url_exact_ignores_fragment_and_one_trailing_slash(string value, string url, bool matches)
    {
        var session = Visiting(Url(value, MatchOperator.Exact));
        session.Send(new PageViewEvent { Url = url });
        Assert.Equal(matches, session.Offers("e"));
    }

    [Theory]
    [InlineData("/checkout", "https://shop.example/CHECKOUT/step", true)]
    [InlineData("/checkout", "https://shop.example/cart", false)]
    public void Rule_01_url_contains_is_case_insensitive(string value, string url, bool matches)
    {
        var session = Visiting(Url(value));
        session.Send(new PageViewEvent { Url = url });
        Assert.Equal(matches, session.Offers("e"));
    }

    [Theory]
    [InlineData(@"^https://shop\.example/(cart|basket)$", "https://shop.example/basket", true)]
    [InlineData(@"^https://shop\.example/(cart|basket)$", "https://shop.example/basket/x", false)]
    [InlineData(@"product-\d+", "https://shop.example/p/product-42", true)]
    public void Rule_01_url_regex_matches_the_whole_url(string pattern, string url, bool matches)
    {
        var session = Visiting(Url(pattern, MatchOperator.Regex));
        session.Send(new PageViewEvent { Url = url });
        Assert.Equal(matches, session.Offers("e"));
    }

    [Fact]
    public void Rule_01_regex_cannot_stall_on_a_pathological_pattern()
    {
        var session = Visiting(Url("(a+)+$", MatchOperator.Regex));
        var url = "https://shop.example/" + new string('a', 50_000) + "!";
        session.Send(new PageViewEvent { Url = url });
        Assert.False(session.Offers("e"));
    }

    [Theory]
    [InlineData(MatchOperator.Exact, "Secure checkout", "Secure checkout", true)]
    [InlineData(MatchOperator.Exact, "Secure checkout", "secure checkout", false)]
    [InlineData(MatchOperator.Contains, "checkout", "Secure CHECKOUT", true)]
    [InlineData(MatchOperator.Regex, "^Secure", "Secure checkout", true)]
    public void Rule_01_title_matchers_work_like_url_matchers(MatchOperator op, string value, string title, bool matches)
    {
        var session = Visiting(Title(value, op));
        session.Send(new PageViewEvent { Url = "https://shop.example/x", Title = title });
        Assert.Equal(matches, session.Offers("e"));
    }

    [Fact]
    public void Rule_01_section_matcher_matches_sections_case_insensitively()
    {
        var session = Visiting(Section("checkout"));
        session.Send(new PageViewEvent { Url = "https://shop.example/x", Sections = ["home", "CheckOut"] });
        Assert.True(session.Offers("e"));
        session.Send(new PageViewEvent { Url = "https://shop.example/y", Sections = ["home"] });
        Assert.False(session.Offers("e"));
    }

    [Fact]
    public void Rule_02_current_location_is_the_latest_page_view_and_visited_lasts()
    {
        var session = new SessionDriver(new TestLibrary()
            .EntryPoint("cart", Url("/cart"))
            .Behavior("visited-cart", new VisitedEntryPointCondition(["cart"]))
            .Engage("anywhere", "visited-cart")
            .Engage("on-cart", null, entryPointIds: ["cart"])
            .Build());

        session.View("/cart");
        Assert.Equal(["anywhere", "on-cart"], session.Offered.Order());
        session.View("/home");
        Assert.Equal(["anywhere"], session.Offered);
    }
}
