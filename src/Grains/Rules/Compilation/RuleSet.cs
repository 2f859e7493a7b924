using Targeting.Rules.Library;

namespace Targeting.Rules.Compilation;

/// <summary>
/// An account's library and published campaigns compiled into one immutable, versioned whole.
/// Shared by every session of the account on a silo; a session evaluates one version at a time.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(string accountId, long version, CompiledEntryPoint[] entryPoints, CompiledFlow[] flows, SourceRules web, SourceRules mobile)
    {
        AccountId = accountId;
        Version = version;
        EntryPoints = entryPoints;
        Flows = flows;
        Web = web;
        Mobile = mobile;
    }

    public string AccountId { get; }
    public long Version { get; }
    internal CompiledEntryPoint[] EntryPoints { get; }
    internal CompiledFlow[] Flows { get; }
    internal SourceRules Web { get; }
    internal SourceRules Mobile { get; }

    /// <summary>How many published engagements each source has.</summary>
    public int EngagementCount(Source source) => For(source).Engagements.Length;

    internal SourceRules For(Source source) => source == Source.Mobile ? Mobile : Web;

    public static RuleSet Empty(string accountId) => RuleSetCompiler.Compile(AccountLibrary.Empty(accountId));
}
