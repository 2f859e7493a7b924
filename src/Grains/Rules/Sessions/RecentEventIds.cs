namespace Targeting.Rules.Sessions;

/// <summary>
/// The ids of the most recently applied events, so a retried event is skipped. Bounded: the
/// oldest id is forgotten first (a retry that late is not a retry any client makes).
/// </summary>
public sealed class RecentEventIds
{
    public const int Capacity = 1024;

    /// <summary>Oldest first. A queue, so forgetting the oldest copies nothing.</summary>
    public Queue<string> Ids { get; set; } = new();

    private HashSet<string>? _lookup;

    public bool Contains(string id) => Lookup.Contains(id);

    public void Add(string id)
    {
        if (!Lookup.Add(id)) return;
        Ids.Enqueue(id);
        if (Ids.Count > Capacity) Lookup.Remove(Ids.Dequeue());
    }

    private HashSet<string> Lookup => _lookup ??= new HashSet<string>(Ids, StringComparer.Ordinal);
}
