using Targeting.Rules.Events;
using Targeting.Rules.Library;

namespace Targeting.Rules.Validation;

/// <summary>
/// Checks a batch of visitor events before any of it is applied (a bad event refuses the whole
/// batch). Paths are relative to the request body: <c>events[3].url</c>.
/// </summary>
public static class EventValidator
{
    public static IReadOnlyList<ValidationError> Validate(IReadOnlyList<VisitorEvent>? events, Source source)
    {
        var errors = new List<ValidationError>();
        var at = ValidationScope.Root(errors)["events"];
        if (!Check.Count(at, events, Limits.MinEvents, Limits.MaxEvents, "events")) return errors;
        for (var i = 0; i < events!.Count; i++)
            ValidateEvent(at[i], events[i], source);
        return errors;
    }

    private static void ValidateEvent(ValidationScope at, VisitorEvent? e, Source source)
    {
        if (e is null)
        {
            at.Error("an event is required");
            return;
        }
        Check.Text(at["id"], e.Id, Limits.MaxEventIdLength, required: false, "id");
        switch (e)
        {
            case PageViewEvent pageView:
                PageView(at, pageView, source);
                break;
            case CartUpdateEvent cart:
                CartUpdate(at, cart);
                break;
            case ProductViewEvent productView:
                ProductView(at, productView);
                break;
            case VisitorErrorEvent error:
                VisitorError(at, error);
                break;
            case ServiceActivityEvent activity:
                Check.Text(at["topic"], activity.Topic, Limits.MaxTopicLength, required: true, "topic");
                Check.Enum(at["status"], activity.Status, required: true, "status");
                break;
            case EngagementStatusEvent status:
                Check.Identifier(at["campaignId"], status.CampaignId, "campaignId");
                Check.Identifier(at["engagementId"], status.EngagementId, "engagementId");
                Check.Enum(at["status"], status.Status, required: true, "status");
                break;
        }
    }

    // Web pages are known by url (and title, sections); app screens by sections only.
    private static void PageView(ValidationScope at, PageViewEvent e, Source source)
    {
        Url(at["url"], e.Url, required: source == Source.Web, webOnly: source == Source.Web);
        Check.Text(at["title"], e.Title, Limits.MaxTitleLength, required: false, "title");
        var sections = at["sections"];
        if (source == Source.Mobile && e.Sections is null or { Count: 0 })
        {
            sections.Error("a mobile page view needs at least 1 section");
            return;
        }
        if (!Check.Count(sections, e.Sections, 0, Limits.MaxSections, "sections", required: false)) return;
        for (var i = 0; i < e.Sections!.Count; i++)
            Check.Text(sections[i], e.Sections[i], Limits.MaxSectionLength, required: true, "section");
    }

    private static void Url(ValidationScope at, string? url, bool required, bool webOnly)
    {
        var errors = at.ErrorCount;
        Check.Text(at, url, Limits.MaxUrlLength, required, "url");
        if (url is null || at.ErrorCount > errors) return;
        // On Unix, "/cart" parses as an absolute file: URI; a page url is never a bare path.
        if (url.StartsWith('/') || url.StartsWith('\\') || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            at.Error("url must be absolute, like https://shop.example/cart");
        else if (webOnly && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            at.Error($"url must be http or https, got '{Check.Clip(uri.Scheme)}'");
    }

    private static void CartUpdate(ValidationScope at, CartUpdateEvent e)
    {
        if (e.Total is not { } total) at["total"].Error("total is required (0 for an empty cart)");
        else if (total < 0) at["total"].Error($"total must be 0 or more, got {total}");
        Check.Text(at["currency"], e.Currency, Limits.MaxCurrencyLength, required: false, "currency");
        if (!Check.Count(at["products"], e.Products, 0, Limits.MaxCartProducts, "products", required: false)) return;
        for (var i = 0; i < e.Products!.Count; i++)
            Product(at["products"][i], e.Products[i]);
    }

    private static void ProductView(ValidationScope at, ProductViewEvent e)
    {
        Check.Text(at["currency"], e.Currency, Limits.MaxCurrencyLength, required: false, "currency");
        if (!Check.Count(at["products"], e.Products, 1, Limits.MaxViewedProducts, "products")) return;
        for (var i = 0; i < e.Products!.Count; i++)
            Product(at["products"][i], e.Products[i]);
    }

    private static void Product(ValidationScope at, Product? product)
    {
        if (product is null)
        {
            at.Error("a product is required");
            return;
        }
        Check.Text(at["name"], product.Name, Limits.MaxProductFieldLength, required: false, "name");
        Check.Text(at["sku"], product.Sku, Limits.MaxProductFieldLength, required: false, "sku");
        Check.Text(at["category"], product.Category, Limits.MaxProductFieldLength, required: false, "category");
        if (product.Price < 0) at["price"].Error($"price must be 0 or more, got {product.Price}");
        if (product.Quantity < 0) at["quantity"].Error($"quantity must be 0 or more, got {product.Quantity}");
    }

    private static void VisitorError(ValidationScope at, VisitorErrorEvent e)
    {
        if (e.Message is null && e.Code is null) at["message"].Error("give a message, a code, or both");
        Check.Text(at["message"], e.Message, Limits.MaxErrorMessageLength, required: false, "message");
        Check.Text(at["code"], e.Code, Limits.MaxErrorCodeLength, required: false, "code");
    }
}
