using Targeting.Rules.Library;

namespace Targeting.Rules.Validation;

/// <summary>An account's library objects by id, for reference checks.</summary>
internal sealed class LibraryIndex
{
    public LibraryIndex(AccountLibrary library)
    {
        EntryPoints = ById(library.EntryPoints);
        Flows = ById(library.Flows);
        Behaviors = ById(library.Behaviors);
    }

    public IReadOnlyDictionary<string, EntryPoint> EntryPoints { get; }
    public IReadOnlyDictionary<string, Flow> Flows { get; }
    public IReadOnlyDictionary<string, Behavior> Behaviors { get; }

    private static Dictionary<string, T> ById<T>(IReadOnlyList<T> objects) where T : LibraryObject
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var o in objects) byId.TryAdd(o.Id, o);
        return byId;
    }
}
