namespace Targeting.Rules.Library;

/// <summary>Everything an account has defined, as the input of one rule set compilation.</summary>
public sealed record AccountLibrary(
    string AccountId,
    long Version,
    IReadOnlyList<EntryPoint> EntryPoints,
    IReadOnlyList<Flow> Flows,
    IReadOnlyList<Behavior> Behaviors,
    IReadOnlyList<Campaign> Campaigns)
{
    public static AccountLibrary Empty(string accountId) => new(accountId, 0, [], [], [], []);
}
