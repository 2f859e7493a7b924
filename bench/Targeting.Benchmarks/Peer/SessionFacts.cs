using Targeting.Rules.Compilation;
using Targeting.Rules.Sessions;

namespace Targeting.Benchmarks.Peer;

/// <summary>
/// The input object the RulesEngine rules are written over: the session's facts as thin
/// lookups on the same <see cref="SessionState"/> our engine maintains, so both sides pay the
/// same to fold events in and differ only in how they evaluate rules.
/// </summary>
public sealed class SessionFacts(SessionState state, RuleSet ruleSet)
{
    private readonly Dictionary<string, int> _entryPoints = ruleSet.EntryPoints.ToDictionary(e => e.Id, e => e.Index);

    public DateTimeOffset Now { get; set; }

    public bool CartReported => state.Cart.Reported;
    public decimal CartTotal => state.Cart.Total;
    public bool HasPreviousTotal => state.Cart.PreviousTotal is not null;
    public decimal PreviousTotal => state.Cart.PreviousTotal ?? 0;

    public bool On(string entryPoint) => state.Cache!.OnEntryPoint[_entryPoints[entryPoint]];

    public bool Visited(string entryPoint) => state.VisitedEntryPoints.Contains(entryPoint);

    public double DwellSeconds(string entryPoint)
    {
        var ms = state.DwellMs.GetValueOrDefault(entryPoint);
        if (On(entryPoint) && state.Page is { } page && Now > page.Since) ms += (long)(Now - page.Since).TotalMilliseconds;
        return ms / 1000.0;
    }

    public bool Abandoned(string flow) => state.Flows.TryGetValue(flow, out var p) && p.Abandoned;

    public bool Backflow(string flow) => state.Flows.TryGetValue(flow, out var p) && p.Backflow;

    public bool CartHasSku(string sku) => state.Cart.Products.Any(p => string.Equals(p.Sku, sku, StringComparison.OrdinalIgnoreCase));

    public bool CartHasCategory(string category) =>
        state.Cart.Products.Any(p => string.Equals(p.Category, category, StringComparison.OrdinalIgnoreCase));

    public bool ViewedCategory(string category) => state.Viewed.Categories.Contains(category);

    public bool ViewedPriceBetween(decimal min, decimal max) => state.Viewed.Prices.Any(p => min <= p && p <= max);

    public int ErrorCount(string message) => state.ErrorsByMessage.GetValueOrDefault(message);

    public bool Declined(string engagementKey) =>
        state.Engagements.TryGetValue(engagementKey, out var statuses) && statuses.HasFlag(EngagementStatuses.Declined);
}
