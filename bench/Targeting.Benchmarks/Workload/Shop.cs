using Targeting.Rules.Events;

namespace Targeting.Benchmarks.Workload;

/// <summary>The imaginary shop every workload browses: its urls, catalog and error messages.</summary>
public static class Shop
{
    public const string Origin = "https://shop.example";
    public static readonly string[] Categories = ["shoes", "shirts", "hats", "bags", "watches", "socks", "coats", "belts"];
    public const string PaymentDeclined = "Payment declined";
    public const string AddressInvalid = "Address invalid";

    public static readonly Product[] Catalog = Enumerable.Range(0, 48)
        .Select(i => new Product($"Product {i}", $"sku-{i}", Categories[i % Categories.Length], 5m + i * 7.5m, 1))
        .ToArray();

    /// <summary>A page of entry point <paramref name="entryPoint"/>: entry point i matches urls under /section-i/.</summary>
    public static string SectionUrl(int entryPoint, int page) => $"{Origin}/section-{entryPoint}/item-{page}";

    public static string FlowUrl(int flow, int step) => $"{Origin}/flow-{flow}/step-{step}";
}
