using Targeting.Rules.Events;

namespace Targeting.Benchmarks.Workload;

/// <summary>
/// A visitor's session as a cycle of pre-built events: page views across entry points and flow
/// steps (going back and leaving flows, never completing one, so flows keep firing), product
/// views of catalog products, cart updates that grow, shrink and empty the cart, and errors with
/// known messages. Each event of the cycle carries its own id from a pool larger than the
/// session's memory of recent ids, so no event is skipped as a duplicate.
/// </summary>
public static class Journey
{
    public const int IdPool = 4096;

    public static VisitorEvent[] Build(LibraryShape shape)
    {
        var template = Template(shape);
        return Enumerable.Range(0, IdPool).Select(i => template[i % template.Length] with { Id = $"evt-{i:D5}" }).ToArray();
    }

    /// <summary>Cart updates only, alternating totals, with ids from the same pool.</summary>
    public static VisitorEvent[] CartUpdates() =>
        Enumerable.Range(0, IdPool).Select(i => Cart(i % 2 == 0 ? [7, 11] : [30]) with { Id = $"cart-{i:D5}" }).ToArray();

    private static VisitorEvent[] Template(LibraryShape shape)
    {
        var sections = Enumerable.Range(0, 7).Select(k => (k * 7 + 1) % shape.EntryPoints).ToArray();
        var otherFlow = 1 % shape.Flows;
        return
        [
            Page(Shop.SectionUrl(sections[0], 1)),
            Page(Shop.FlowUrl(0, 1)),
            Viewed(3),
            Page(Shop.FlowUrl(0, 2)),
            Page(Shop.FlowUrl(0, 3)),
            Page(Shop.FlowUrl(0, 1)), // back: backflow
            Cart([3]),
            Page(Shop.SectionUrl(sections[1], 2)), // left flow 0: abandoned
            Viewed(10),
            Cart([3, 10]),
            Page(Shop.FlowUrl(otherFlow, 1)),
            Page(Shop.SectionUrl(sections[2], 3)),
            Viewed(17, 18),
            Cart([10]),
            Page(Shop.SectionUrl(sections[3], 4)),
            Error(Shop.PaymentDeclined),
            Page(Shop.SectionUrl(sections[4], 5)),
            Cart([]),
            Page(Shop.SectionUrl(sections[5], 6)),
            Viewed(30),
            Cart([30, 31]),
            Error(Shop.AddressInvalid),
            Page(Shop.SectionUrl(sections[6], 7)),
            Viewed(41),
        ];
    }

    private static PageViewEvent Page(string url) => new() { Url = url, Title = "Shop" };

    private static ProductViewEvent Viewed(params int[] products) =>
        new() { Products = products.Select(i => Shop.Catalog[i]).ToArray(), Currency = "EUR" };

    private static CartUpdateEvent Cart(int[] products) => new()
    {
        Products = products.Select(i => Shop.Catalog[i]).ToArray(),
        Total = products.Sum(i => Shop.Catalog[i].Price ?? 0),
        Currency = "EUR",
    };

    private static VisitorErrorEvent Error(string message) => new() { Message = message };
}
