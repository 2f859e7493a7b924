using System.Text.Json.Serialization;
using Targeting.Rules.Compilation;

namespace Targeting.Rules.Conditions;

/// <summary>
/// One condition of a behavior, as a campaign manager defines it. Each type lives in its own
/// file with its <see cref="ConditionTypeAttribute"/> name (the JSON <c>type</c>) and its
/// compiled evaluator; <see cref="RulesJson"/> discovers the types, so adding one is one file.
/// Fields are nullable because bodies arrive from the internet: the validator reports what is
/// missing, keyed by JSON path, before anything is compiled.
/// </summary>
public abstract record Condition
{
    /// <summary>The JSON <c>type</c> of this condition.</summary>
    [JsonIgnore]
    public string Type => ConditionTypeAttribute.NameOf(GetType());

    /// <summary>True when only web engagements can use it (the seed's support matrix).</summary>
    [JsonIgnore]
    public virtual bool IsWebOnly => false;

    /// <summary>Entry points this condition refers to.</summary>
    [JsonIgnore]
    public virtual IReadOnlyList<string> ReferencedEntryPoints => [];

    /// <summary>Flows this condition refers to.</summary>
    [JsonIgnore]
    public virtual IReadOnlyList<string> ReferencedFlows => [];

    /// <summary>Builds the evaluator once per rule set; assumes the definition was validated.</summary>
    internal abstract CompiledCondition Compile(CompileContext context);
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConditionTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string NameOf(Type type) =>
        type.GetCustomAttributes(typeof(ConditionTypeAttribute), false) is [ConditionTypeAttribute a, ..]
            ? a.Name
            : throw new InvalidOperationException($"{type.Name} has no [ConditionType]");
}
