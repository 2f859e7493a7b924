using System.Runtime.InteropServices;
using Targeting.Rules.Compilation;
using Targeting.Rules.Events;
using Targeting.Rules.Library;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Evaluation;

/// <summary>Folds one event into the session state. Steady-state updates allocate nothing.</summary>
internal static class EventApplier
{
    public static void Apply(SessionState state, EvaluationCache cache, VisitorEvent e, DateTimeOffset now)
    {
        switch (e)
        {
            case PageViewEvent pageView: ApplyPageView(state, cache, pageView, now); break;
            case CartUpdateEvent cart: ApplyCart(state.Cart, cart); break;
            case ProductViewEvent view: ApplyProductView(state.Viewed, view); break;
            case VisitorErrorEvent error: ApplyError(state, error); break;
            case ServiceActivityEvent activity: ApplyServiceActivity(state, activity); break;
            case EngagementStatusEvent status: ApplyEngagementStatus(state, cache, status); break;
            case AboutToAbandonEvent: state.AboutToAbandon = true; break;
        }
        cache.Dirty |= e.Kind;
    }

    private static void ApplyPageView(SessionState state, EvaluationCache cache, PageViewEvent e, DateTimeOffset now)
    {
        var page = state.Page;
        if (page is null)
            state.Page = page = new CurrentPage();
        else
            AccrueDwell(state, cache, page, now);
        page.Url = e.Url;
        page.Title = e.Title;
        page.Sections = e.Sections ?? [];
        page.Since = now;
        state.AboutToAbandon = false; // rule 12
        cache.MatchEntryPoints(page);
        foreach (var entryPoint in cache.RuleSet.EntryPoints)
            if (cache.OnEntryPoint[entryPoint.Index]) state.VisitedEntryPoints.Add(entryPoint.Id);
        foreach (var flow in cache.RuleSet.Flows)
            AdvanceFlow(state, flow, page);
    }

    // Rule 9: the page being left gives its time to every entry point it matched.
    private static void AccrueDwell(SessionState state, EvaluationCache cache, CurrentPage page, DateTimeOffset now)
    {
        if (now <= page.Since) return;
        var ms = (long)(now - page.Since).TotalMilliseconds;
        foreach (var entryPoint in cache.RuleSet.EntryPoints)
            if (cache.OnEntryPoint[entryPoint.Index])
                CollectionsMarshal.GetValueRefOrAddDefault(state.DwellMs, entryPoint.Id, out _) += ms;
    }

    private static void AdvanceFlow(SessionState state, CompiledFlow flow, CurrentPage page)
    {
        var known = state.Flows.TryGetValue(flow.Id, out var progress);
        if (!known) progress = flow.Start();
        var before = progress;
        flow.Advance(ref progress, page);
        if (known || !before.Equals(progress)) state.Flows[flow.Id] = progress;
    }

    private static void ApplyCart(CartState cart, CartUpdateEvent e)
    {
        cart.PreviousTotal = cart.Reported ? cart.Total : null;
        cart.Reported = true;
        cart.Total = e.Total ?? 0;
        cart.Currency = e.Currency;
        cart.Products = e.Products ?? [];
    }

    private static void ApplyProductView(ViewedProducts viewed, ProductViewEvent e)
    {
        if (e.Products is not { } products) return;
        for (var i = 0; i < products.Count; i++) viewed.Add(products[i]);
    }

    private static void ApplyError(SessionState state, VisitorErrorEvent e)
    {
        CountBounded(state.ErrorsByMessage, e.Message);
        CountBounded(state.ErrorsByCode, e.Code);
    }

    private static void CountBounded(Dictionary<string, int> counts, string? key)
    {
        if (!string.IsNullOrEmpty(key) && HasRoomFor(counts, key)) CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
    }

    private static void ApplyServiceActivity(SessionState state, ServiceActivityEvent e)
    {
        if (HasRoomFor(state.ServiceTopics, e.Topic!)) state.ServiceTopics[e.Topic!] = e.Status!.Value;
    }

    // A known key always updates; a new one only while the session keeps fewer than its capacity.
    private static bool HasRoomFor<TValue>(Dictionary<string, TValue> keyed, string key) =>
        keyed.Count < SessionState.KeyedCapacity || keyed.ContainsKey(key);

    private static void ApplyEngagementStatus(SessionState state, EvaluationCache cache, EngagementStatusEvent e)
    {
        var key = CompiledEngagement.KeyOf(e.CampaignId!, e.EngagementId!);
        var index = cache.Rules.EngagementsByKey.GetValueOrDefault(key, -1);
        var isContent = index >= 0 && cache.Rules.Engagements[index].Kind == EngagementKind.Content;
        ref var statuses = ref CollectionsMarshal.GetValueRefOrAddDefault(state.Engagements, key, out _);
        statuses |= Reached(e.Status!.Value, isContent);
        if (index >= 0) cache.MarkDirty(index);
    }

    /// <summary>Rule 17: clicked implies exposed, interacted implies clicked; for content, clicked is interacted.</summary>
    internal static EngagementStatuses Reached(EngagementStatus status, bool isContent) => status switch
    {
        EngagementStatus.Exposed => EngagementStatuses.Exposed,
        EngagementStatus.Declined => EngagementStatuses.Declined,
        EngagementStatus.Clicked => EngagementStatuses.Exposed | EngagementStatuses.Clicked
            | (isContent ? EngagementStatuses.Interacted : EngagementStatuses.None),
        _ => EngagementStatuses.Exposed | EngagementStatuses.Clicked | EngagementStatuses.Interacted,
    };
}
