using System.Text;

namespace Targeting.LoadGenerator;

/// <summary>
/// A visitor's journey as pre-built request bodies (so the generator spends its CPU sending, not
/// serializing): page views across sections and product pages, product views, a cart that grows
/// and shrinks, a checkout entered and left, a service status report. Batches of 1 to 4 events,
/// as a web tag flushes them. Event ids are unique per visitor so none is skipped as a retry.
/// </summary>
public sealed class Journey
{
    public const string StartBody = """{"source":"web"}""";

    private static readonly Func<int, string>[] Steps =
    [
        i => Page($"/section-{i % Seeder.Sections}/"),
        i => Page($"/product/boots-{i % 7}"),
        i => $$"""{"type":"productView","currency":"EUR","products":[{"name":"Boots {{i % 7}}","sku":"B-{{i % 7}}","category":"{{(i % 3 == 0 ? "shoes" : "coats")}}","price":{{40 + i % 7 * 10}}}]}""",
        i => Cart(i % 4 + 1),
        i => Page($"/section-{(i + 3) % Seeder.Sections}/"),
        i => Page("/cart"),
        i => Page("/checkout"),
        i => """{"type":"serviceActivity","topic":"chat","status":"inProgress"}""",
        i => Cart(i % 2),
        i => Page($"/section-{(i + 5) % Seeder.Sections}/"),
    ];

    /// <summary>How many event batches a visitor sends before leaving (then a new visitor starts a session).</summary>
    public const int BatchesPerVisit = 12;

    public static (string Body, int Events) Batch(int visitor, int batch, ref int eventSeq)
    {
        var count = batch % 4 + 1;
        var json = new StringBuilder("""{"events":[""");
        for (var e = 0; e < count; e++)
        {
            var n = eventSeq++;
            var evt = Steps[n % Steps.Length](n / Steps.Length + visitor);
            if (e > 0) json.Append(',');
            // Insert the id after the opening brace.
            json.Append("{\"id\":\"v").Append(visitor).Append('-').Append(n).Append("\",").Append(evt, 1, evt.Length - 1);
        }
        return (json.Append("]}").ToString(), count);
    }

    private static string Page(string path) => $$"""{"type":"pageView","url":"https://shop.example{{path}}","title":"Shop"}""";

    private static string Cart(int items) =>
        $$"""{"type":"cartUpdate","total":{{items * 45}},"currency":"EUR","products":[{"name":"Boots","sku":"B-1","category":"shoes","price":45,"quantity":{{items}}}]}""";
}
