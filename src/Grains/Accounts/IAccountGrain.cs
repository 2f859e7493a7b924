using Targeting.Rules.Library;
using Targeting.Rules.Validation;
using Targeting.RuleSets;

namespace Targeting.Accounts;

/// <summary>An account (tenant): its name, admin key hash, library and campaigns. Keyed by account id.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; answers its first admin key, or null when the id is taken.</summary>
    Task<string?> Create(string name);

    Task<AccountInfo?> GetInfo();

    /// <summary>True when the account exists and the secret part of its admin key matches (constant time).</summary>
    Task<bool> IsAdminKey(string key);

    /// <summary>Replaces the admin key; the old one stops working at once. Null when there is no account.</summary>
    Task<string?> RotateAdminKey();

    /// <summary>The whole library as compiled, or null when there is no account.</summary>
    Task<AccountLibrary?> GetLibrary();

    /// <summary>Creates or replaces one library object (entry point, flow, behavior or campaign).</summary>
    Task<LibraryWrite> Put(LibraryObject item);

    Task<LibraryDelete> Delete(LibraryObjectKind kind, string id);

    /// <summary>Subscribes (or renews) a silo's rule set cache; answers the current library.</summary>
    Task<AccountLibrary?> SubscribeToLibrary(IRuleSetObserver observer);
}

[GenerateSerializer, Immutable]
public sealed record AccountInfo([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] long Version);

public enum WriteStatus { Created, Replaced, Invalid, NoAccount }

[GenerateSerializer, Immutable]
public sealed record LibraryWrite(
    [property: Id(0)] WriteStatus Status,
    [property: Id(1)] LibraryObject? Item = null,
    [property: Id(2)] ValidationError[]? Errors = null);

public enum DeleteStatus { Deleted, NotFound, Referenced, NoAccount }

[GenerateSerializer, Immutable]
public sealed record LibraryDelete([property: Id(0)] DeleteStatus Status, [property: Id(1)] string[]? ReferencedBy = null);
