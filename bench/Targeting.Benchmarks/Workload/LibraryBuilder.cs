using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Benchmarks.Workload;

/// <summary>
/// A deterministic account library of a given <see cref="LibraryShape"/>: entry points under
/// /section-i/ (every seventh one a regex), four-step flows with an optional second step,
/// behaviors of two to four conditions mixing every common type, engagements spread over the
/// behaviors and campaigns, a third of them restricted to an entry point.
/// </summary>
public static class LibraryBuilder
{
    private enum Kind { Flow, CartValue, Visited, TimeOn, ProductsInCart, ViewedProduct, VisitorError }

    private static readonly Kind[] Weighted =
        [Kind.Flow, Kind.Flow, Kind.CartValue, Kind.CartValue, Kind.Visited, Kind.Visited, Kind.TimeOn, Kind.ProductsInCart, Kind.ViewedProduct, Kind.VisitorError];

    public static AccountLibrary Build(LibraryShape shape, int seed = 42)
    {
        var random = new Random(seed);
        var entryPoints = Enumerable.Range(0, shape.EntryPoints).Select(EntryPointOf).ToArray();
        var flows = Enumerable.Range(0, shape.Flows).Select(FlowOf).ToArray();
        var behaviors = Enumerable.Range(0, shape.Behaviors).Select(b => BehaviorOf(b, shape, random)).ToArray();
        var campaigns = CampaignsOf(shape, random);
        return new AccountLibrary("bench", 1, entryPoints, flows, behaviors, campaigns);
    }

    private static EntryPoint EntryPointOf(int i) => new()
    {
        Id = $"ep-{i}",
        Name = $"Section {i}",
        Version = 1,
        Matchers = i % 7 == 3
            ? [new Matcher(MatcherKind.Url, MatchOperator.Regex, $@"^https://shop\.example/section-{i}/item-\d+$")]
            : [new Matcher(MatcherKind.Url, MatchOperator.Contains, $"/section-{i}/")],
    };

    private static Flow FlowOf(int j) => new()
    {
        Id = $"flow-{j}",
        Name = $"Checkout {j}",
        Version = 1,
        Steps = Enumerable.Range(1, 4)
            .Select(k => new FlowStep(new Matcher(MatcherKind.Url, MatchOperator.Contains, $"/flow-{j}/step-{k}"), k != 2))
            .ToArray(),
    };

    private static Behavior BehaviorOf(int b, LibraryShape shape, Random random)
    {
        var count = 2 + random.Next(3);
        var conditions = new List<Condition>(count);
        if (shape.CartConditions is { } cartBudget && b < cartBudget)
            conditions.Add(CartValue(random));
        while (conditions.Count < count)
        {
            var kind = Weighted[random.Next(Weighted.Length)];
            if (shape.CartConditions is not null && kind is Kind.CartValue or Kind.ProductsInCart) continue;
            if (!shape.TimeConditions && kind == Kind.TimeOn) continue;
            conditions.Add(ConditionOf(kind, shape, random));
        }
        return new Behavior
        {
            Id = $"b-{b}",
            Name = $"Behavior {b}",
            Version = 1,
            Match = b % 4 == 3 ? BehaviorMatch.Any : BehaviorMatch.All,
            Conditions = conditions,
        };
    }

    private static Condition ConditionOf(Kind kind, LibraryShape shape, Random random) => kind switch
    {
        Kind.Flow => new FlowCondition($"flow-{random.Next(shape.Flows)}", random.Next(2) == 0 ? FlowTrigger.Abandoned : FlowTrigger.Backflow),
        Kind.CartValue => CartValue(random),
        Kind.Visited => new VisitedEntryPointCondition(
            EntryPointIds(shape, random, 1 + random.Next(2)), random.Next(10) == 0 ? ConditionMode.Exclude : ConditionMode.Include),
        Kind.TimeOn => new TimeOnEntryPointCondition(EntryPointIds(shape, random, 1), 10 + 10 * random.Next(6)),
        Kind.ProductsInCart => random.Next(2) == 0
            ? new ProductsInCartCondition(ProductField.Category, [Shop.Categories[random.Next(Shop.Categories.Length)]])
            : new ProductsInCartCondition(ProductField.Sku, [Shop.Catalog[random.Next(Shop.Catalog.Length)].Sku!]),
        Kind.ViewedProduct => random.Next(2) == 0
            ? new ViewedProductCondition(ProductField.Category, [Shop.Categories[random.Next(Shop.Categories.Length)]])
            : new ViewedProductCondition(ProductField.PriceRange, Min: 20 * random.Next(10), Max: 20 * random.Next(10) + 50),
        _ => new VisitorErrorCondition(random.Next(2) == 0 ? Shop.PaymentDeclined : Shop.AddressInvalid, 1 + random.Next(3)),
    };

    private static CartValueCondition CartValue(Random random)
    {
        if (random.Next(4) == 0) return new CartValueCondition(CartValueOperator.Decreased);
        var min = 25 * random.Next(8);
        return new CartValueCondition(CartValueOperator.Between, min, min + 50 + 25 * random.Next(4));
    }

    private static string[] EntryPointIds(LibraryShape shape, Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => $"ep-{random.Next(shape.EntryPoints)}").Distinct().ToArray();

    // Campaigns of five engagements; every twentieth engagement is "All behaviors".
    private static Campaign[] CampaignsOf(LibraryShape shape, Random random) =>
        Enumerable.Range(0, shape.Engagements)
            .Select(i => new Engagement(
                $"e-{i}",
                $"Engagement {i}",
                Source.Web,
                (EngagementKind)(i % 4),
                i % 20 == 19 ? null : $"b-{i % shape.Behaviors}",
                random.Next(3) == 0 ? [$"ep-{random.Next(shape.EntryPoints)}"] : null))
            .Chunk(5)
            .Select((engagements, c) => new Campaign
            {
                Id = $"c-{c}",
                Name = $"Campaign {c}",
                Version = 1,
                Status = CampaignStatus.Published,
                Priority = random.Next(10),
                Engagements = engagements,
            })
            .ToArray();
}
