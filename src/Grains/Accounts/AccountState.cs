using Targeting.Rules.Library;
using Targeting.Rules.Validation;

namespace Targeting.Accounts;

/// <summary>What an account grain stores (as JSON through <see cref="Storage.JsonGrainStorageSerializer"/>).</summary>
public sealed class AccountState
{
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret part of the admin key; the key itself is never stored.</summary>
    public byte[] AdminKeyHash { get; set; } = [];

    /// <summary>Grows by one on every change of the library or campaigns: the rule set version.</summary>
    public long Version { get; set; }

    public SortedDictionary<string, EntryPoint> EntryPoints { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, Flow> Flows { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, Behavior> Behaviors { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, Campaign> Campaigns { get; set; } = new(StringComparer.Ordinal);

    public AccountLibrary ToLibrary(string accountId) => new(accountId, Version,
        [.. EntryPoints.Values], [.. Flows.Values], [.. Behaviors.Values], [.. Campaigns.Values]);

    public LibraryObject? Find(LibraryObjectKind kind, string id) => kind switch
    {
        LibraryObjectKind.EntryPoint => EntryPoints.GetValueOrDefault(id),
        LibraryObjectKind.Flow => Flows.GetValueOrDefault(id),
        LibraryObjectKind.Behavior => Behaviors.GetValueOrDefault(id),
        _ => Campaigns.GetValueOrDefault(id),
    };

    public int Count(LibraryObjectKind kind) => kind switch
    {
        LibraryObjectKind.EntryPoint => EntryPoints.Count,
        LibraryObjectKind.Flow => Flows.Count,
        LibraryObjectKind.Behavior => Behaviors.Count,
        _ => Campaigns.Count,
    };

    public void Set(LibraryObject item)
    {
        switch (item)
        {
            case EntryPoint e: EntryPoints[e.Id] = e; break;
            case Flow f: Flows[f.Id] = f; break;
            case Behavior b: Behaviors[b.Id] = b; break;
            case Campaign c: Campaigns[c.Id] = c; break;
            default: throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "Not a library object");
        }
    }

    public void Remove(LibraryObjectKind kind, string id)
    {
        _ = kind switch
        {
            LibraryObjectKind.EntryPoint => EntryPoints.Remove(id),
            LibraryObjectKind.Flow => Flows.Remove(id),
            LibraryObjectKind.Behavior => Behaviors.Remove(id),
            _ => Campaigns.Remove(id),
        };
    }

    public static LibraryObjectKind KindOf(LibraryObject item) => item switch
    {
        EntryPoint => LibraryObjectKind.EntryPoint,
        Flow => LibraryObjectKind.Flow,
        Behavior => LibraryObjectKind.Behavior,
        Campaign => LibraryObjectKind.Campaign,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "Not a library object"),
    };
}
