namespace Targeting.Rules.Compilation;

/// <summary>What a condition may look up while compiling: the account's compiled entry points and flows.</summary>
internal sealed class CompileContext(
    IReadOnlyDictionary<string, CompiledEntryPoint> entryPoints,
    IReadOnlyDictionary<string, CompiledFlow> flows)
{
    public CompiledEntryPoint EntryPoint(string id) =>
        entryPoints.TryGetValue(id, out var entryPoint) ? entryPoint
            : throw new RuleSetCompilationException($"unknown entry point '{id}'");

    public CompiledFlow Flow(string id) =>
        flows.TryGetValue(id, out var flow) ? flow
            : throw new RuleSetCompilationException($"unknown flow '{id}'");
}

public sealed class RuleSetCompilationException(string message) : Exception(message);
