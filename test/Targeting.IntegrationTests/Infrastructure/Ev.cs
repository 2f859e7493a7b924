namespace Targeting.IntegrationTests.Infrastructure;

/// <summary>Visitor events and library parts as the JSON of the contract.</summary>
public static class Ev
{
    public const string Shop = "https://shop.example";

    public static object Page(string path, string? title = null, string[]? sections = null, string? id = null) =>
        new { type = "pageView", id, url = Shop + path, title, sections };

    public static object AppSection(params string[] sections) => new { type = "pageView", sections };

    public static object Cart(decimal total, string? currency = null, params object[] products) =>
        new { type = "cartUpdate", total, currency, products };

    public static object Product(string name, string sku, string category, decimal price, int quantity = 1) =>
        new { name, sku, category, price, quantity };

    public static object ProductView(params object[] products) => new { type = "productView", products };

    public static object Error(string? message = null, string? code = null) => new { type = "visitorError", message, code };

    public static object Service(string topic, string status) => new { type = "serviceActivity", topic, status };

    public static object Engagement(string campaignId, string engagementId, string status) =>
        new { type = "engagementStatus", campaignId, engagementId, status };

    public static object AboutToAbandon() => new { type = "aboutToAbandon" };

    public static object Url(string op, string value) => new { kind = "url", @operator = op, value };

    public static object Title(string op, string value) => new { kind = "title", @operator = op, value };

    public static object Section(string value) => new { kind = "section", value };

    public static object Step(object matcher, bool required = true) => new { matcher, required };

    public static object Web(string engagementId, string? behaviorId, string[]? entryPointIds = null, string kind = "overlay") =>
        new { id = engagementId, name = engagementId, source = "web", kind, behaviorId, entryPointIds };

    public static object Mobile(string engagementId, string? behaviorId, string kind = "chatButton") =>
        new { id = engagementId, name = engagementId, source = "mobile", kind, behaviorId };
}
