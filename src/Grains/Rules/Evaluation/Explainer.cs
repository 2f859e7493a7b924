namespace Targeting.Rules.Evaluation;

/// <summary>Turns an engagement's evaluation into the explanation a campaign manager reads.</summary>
internal static class Explainer
{
    public static EngagementExplanation Explain(in EvaluationContext context, Blocked blocked)
    {
        var engagement = context.Engagement!;
        var conditions = new ConditionExplanation[engagement.Conditions.Length];
        for (var i = 0; i < conditions.Length; i++)
            conditions[i] = ExplainCondition(context, engagement.Conditions[i]);
        return new EngagementExplanation(engagement.CampaignId, engagement.EngagementId, blocked == Blocked.None, BlockersOf(blocked), conditions);
    }

    private static ConditionExplanation ExplainCondition(in EvaluationContext context, int c)
    {
        var condition = context.Cache.Rules.Conditions[c];
        var value = condition.Evaluate(context);
        var detail = condition.Describe(context, value);
        if (value) return new ConditionExplanation(condition.Type, "true", detail);
        if (condition.BecomesTrueAt(context) is { } at)
            return new ConditionExplanation(condition.Type, "pending", detail, (int)Math.Ceiling((at - context.Now).TotalSeconds));
        return new ConditionExplanation(condition.Type, "false", detail);
    }

    private static string[] BlockersOf(Blocked blocked)
    {
        var list = new List<string>(3);
        if (blocked.HasFlag(Blocked.Behavior)) list.Add(Blockers.Behavior);
        if (blocked.HasFlag(Blocked.EntryPoint)) list.Add(Blockers.EntryPoint);
        if (blocked.HasFlag(Blocked.Declined)) list.Add(Blockers.Declined);
        return list.ToArray();
    }
}
