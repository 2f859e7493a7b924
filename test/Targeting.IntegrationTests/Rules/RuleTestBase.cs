using Targeting.IntegrationTests.Infrastructure;

namespace Targeting.IntegrationTests.Rules;

/// <summary>Each semantics rule end to end: a fresh account, its library through the admin API, a visitor session through the visitor API.</summary>
public abstract class RuleTestBase(GatewayFixture fixture)
{
    protected TargetingClient Api => fixture.Api;

    /// <summary>An account whose published campaign "c" has one web engagement "e" per behavior; behavior ids are "b0", "b1", …</summary>
    protected async Task<(Account Account, Session Session)> TargetAsync(Func<Account, Task> library, params object[][] behaviors)
    {
        var account = await Api.CreateAccountAsync();
        await library(account);
        var engagements = new List<object>();
        for (var i = 0; i < behaviors.Length; i++)
        {
            await account.BehaviorAsync("b" + i, behaviors[i]);
            engagements.Add(Ev.Web("e" + i, "b" + i));
        }
        await account.CampaignAsync("c", [.. engagements]);
        return (account, await account.StartSessionAsync());
    }

    protected static Func<Account, Task> Nothing => _ => Task.CompletedTask;

    protected static Func<Account, Task> CheckoutFlow => account => account.FlowAsync("checkout",
        Ev.Step(Ev.Url("contains", "/cart")),
        Ev.Step(Ev.Url("contains", "/checkout")),
        Ev.Step(Ev.Url("contains", "/gift-wrap"), required: false),
        Ev.Step(Ev.Url("contains", "/confirmation")));

    protected static object Abandoned(string flowId = "checkout") => new { type = "flow", flowId, trigger = "abandoned" };

    protected static object Backflow(string flowId = "checkout") => new { type = "flow", flowId, trigger = "backflow" };
}
