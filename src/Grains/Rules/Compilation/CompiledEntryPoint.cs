using Targeting.Rules.Library;
using Targeting.Rules.Matching;
using Targeting.Rules.Sessions;

namespace Targeting.Rules.Compilation;

/// <summary>An entry point with its matchers compiled; <see cref="Index"/> is its slot in per-session arrays.</summary>
internal sealed class CompiledEntryPoint(int index, EntryPoint definition)
{
    private readonly PageMatcher[] _matchers = (definition.Matchers ?? []).Select(m => new PageMatcher(m)).ToArray();

    public int Index { get; } = index;
    public string Id { get; } = definition.Id;
    public string Label { get; } = definition.Name ?? definition.Id;

    public bool Matches(CurrentPage page)
    {
        foreach (var matcher in _matchers)
            if (matcher.Matches(page)) return true;
        return false;
    }
}
