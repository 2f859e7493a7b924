using System.Text.Json;
using Targeting.Rules;
using Targeting.Rules.Library;

namespace Targeting.Tests.Validation;

/// <summary>Bodies as the admin API receives them (JSON, through <see cref="RulesJson.Options"/>) and a small library.</summary>
internal static class Samples
{
    public static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, RulesJson.Options)!;

    public static EntryPoint EntryPoint(string json, string id = "ep") => Parse<EntryPoint>(json) with { Id = id };
    public static Flow Flow(string json, string id = "flow") => Parse<Flow>(json) with { Id = id };
    public static Behavior Behavior(string json, string id = "behavior") => Parse<Behavior>(json) with { Id = id };
    public static Campaign Campaign(string json, string id = "campaign") => Parse<Campaign>(json) with { Id = id };

    /// <summary>A behavior named "b" with the given conditions (a JSON array's content).</summary>
    public static Behavior WithConditions(string conditions) => Behavior($$"""{"name": "b", "conditions": [{{conditions}}]}""");

    /// <summary>A campaign named "c" with the given engagements (a JSON array's content).</summary>
    public static Campaign WithEngagements(string engagements, string status = "draft") =>
        Campaign($$"""{"name": "c", "status": "{{status}}", "engagements": [{{engagements}}]}""");

    public static readonly EntryPoint CheckoutPages = EntryPoint(
        """{"name": "Checkout pages", "matchers": [{"kind": "section", "value": "checkout"}, {"kind": "url", "operator": "contains", "value": "/checkout"}]}""",
        "checkout-pages");

    public static readonly EntryPoint AppCart = EntryPoint(
        """{"name": "App cart", "matchers": [{"kind": "section", "value": "cart"}]}""", "app-cart");

    public static readonly Flow WebCheckout = Flow(
        """{"name": "Checkout", "steps": [{"matcher": {"kind": "section", "value": "cart"}}, {"matcher": {"kind": "title", "operator": "exact", "value": "Checkout"}}]}""",
        "checkout");

    public static readonly Flow AppCheckout = Flow(
        """{"name": "App checkout", "steps": [{"matcher": {"kind": "section", "value": "cart"}}, {"matcher": {"kind": "section", "value": "pay"}}]}""",
        "app-checkout");

    public static readonly Behavior HighValue = Behavior(
        """{"name": "High value", "conditions": [{"type": "cartValue", "operator": "between", "min": 50, "max": 100}]}""",
        "high-value");

    public static readonly Behavior Lingering = Behavior(
        """{"name": "Lingering", "conditions": [{"type": "timeOnEntryPoint", "entryPointIds": ["app-cart"], "seconds": 30}]}""",
        "lingering");

    public static readonly Behavior LeavingCheckout = Behavior(
        """{"name": "Leaving checkout", "conditions": [{"type": "flow", "flowId": "checkout", "trigger": "abandoned"}]}""",
        "leaving-checkout");

    public static readonly Behavior LeavingAppCheckout = Behavior(
        """{"name": "Leaving app checkout", "conditions": [{"type": "flow", "flowId": "app-checkout", "trigger": "backflow"}]}""",
        "leaving-app-checkout");

    public static readonly Behavior SawCheckout = Behavior(
        """{"name": "Saw checkout", "conditions": [{"type": "visitedEntryPoint", "entryPointIds": ["checkout-pages"], "mode": "include"}]}""",
        "saw-checkout");

    public static readonly AccountLibrary Library = new(
        "acme", 1,
        [CheckoutPages, AppCart],
        [WebCheckout, AppCheckout],
        [HighValue, Lingering, LeavingCheckout, LeavingAppCheckout, SawCheckout],
        []);
}
