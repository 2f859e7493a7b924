using System.Globalization;
using RulesEngine.Models;
using Targeting.Rules.Conditions;
using Targeting.Rules.Library;

namespace Targeting.Benchmarks.Peer;

/// <summary>
/// Writes an account library the way a Microsoft RulesEngine user would: one rule per
/// published engagement, a lambda expression over the session facts (<c>f</c>) joining its
/// behavior's conditions, its entry point filter and the declined check.
/// </summary>
public static class WorkflowTranslator
{
    public const string WorkflowName = "targeting";
    public const string Input = "f";

    public static Workflow Translate(AccountLibrary library)
    {
        var behaviors = library.Behaviors.ToDictionary(b => b.Id);
        var rules = library.Campaigns
            .Where(c => c.Status == CampaignStatus.Published)
            .SelectMany(c => (c.Engagements ?? []).Select(e => RuleOf(c, e, behaviors)))
            .ToList();
        return new Workflow { WorkflowName = WorkflowName, Rules = rules };
    }

    private static Rule RuleOf(Campaign campaign, Engagement engagement, Dictionary<string, Behavior> behaviors)
    {
        var parts = new List<string> { $"!f.Declined(\"{campaign.Id}/{engagement.Id}\")" };
        if (engagement.BehaviorId is { } behaviorId)
        {
            var behavior = behaviors[behaviorId];
            var glue = behavior.Match == BehaviorMatch.Any ? " || " : " && ";
            parts.Add("(" + string.Join(glue, behavior.Conditions!.Select(Expression)) + ")");
        }
        if (engagement.EntryPointIds is { Count: > 0 } entryPoints)
            parts.Add("(" + string.Join(" || ", entryPoints.Select(e => $"f.On(\"{e}\")")) + ")");
        return new Rule
        {
            RuleName = $"{campaign.Id}/{engagement.Id}",
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = string.Join(" && ", parts),
        };
    }

    private static string Expression(Condition condition) => condition switch
    {
        FlowCondition c => c.Trigger == FlowTrigger.Abandoned ? $"f.Abandoned(\"{c.FlowId}\")" : $"f.Backflow(\"{c.FlowId}\")",
        CartValueCondition { Operator: CartValueOperator.Between } c =>
            $"(f.CartReported && f.CartTotal >= {Number(c.Min)} && f.CartTotal <= {Number(c.Max)})",
        CartValueCondition => "(f.CartReported && f.HasPreviousTotal && f.CartTotal < f.PreviousTotal)",
        VisitedEntryPointCondition c => Mode(c.Mode, string.Join(" || ", c.EntryPointIds!.Select(e => $"f.Visited(\"{e}\")"))),
        TimeOnEntryPointCondition c => string.Join(" && ", c.EntryPointIds!.Select(e => $"f.DwellSeconds(\"{e}\") >= {c.Seconds}")),
        ProductsInCartCondition { By: ProductField.Category } c => Mode(c.Mode, string.Join(" || ", c.Values!.Select(v => $"f.CartHasCategory(\"{v}\")"))),
        ProductsInCartCondition c => Mode(c.Mode, string.Join(" || ", c.Values!.Select(v => $"f.CartHasSku(\"{v}\")"))),
        ViewedProductCondition { By: ProductField.PriceRange } c => Mode(c.Mode, $"f.ViewedPriceBetween({Number(c.Min)}, {Number(c.Max)})"),
        ViewedProductCondition c => Mode(c.Mode, string.Join(" || ", c.Values!.Select(v => $"f.ViewedCategory(\"{v}\")"))),
        VisitorErrorCondition c => Mode(c.Mode, $"f.ErrorCount(\"{c.Message}\") >= {c.Instance ?? 1}"),
        _ => throw new NotSupportedException($"the benchmark library does not use {condition.Type}"),
    };

    private static string Mode(ConditionMode? mode, string include) => mode == ConditionMode.Exclude ? $"!({include})" : $"({include})";

    private static string Number(decimal? value) => (value ?? 0).ToString("0", CultureInfo.InvariantCulture);
}
