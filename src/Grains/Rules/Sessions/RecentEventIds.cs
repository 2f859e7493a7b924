using System.Text.Json.Serialization;

namespace Targeting.Rules.Sessions;

/// <summary>
/// The ids of the most recently applied events, so a retried event is skipped. Bounded: the
/// oldest id is forgotten first (a retry that late is not a retry any client makes).
/// </summary>
public sealed class RecentEventIds
{
    public const int Capacity = 1024;

    /// <summary>Oldest first.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<string> Ids { get; } = [];

    private HashSet<string>? _lookup;

    public bool Contains(string id) => Lookup.Contains(id);

    public void Add(string id)
    {
        if (!Lookup.Add(id)) return;
        Ids.Add(id);
        if (Ids.Count <= Capacity) return;
        Lookup.Remove(Ids[0]);
        Ids.RemoveAt(0);
    }

    private HashSet<string> Lookup => _lookup ??= new HashSet<string>(Ids, StringComparer.Ordinal);
}
