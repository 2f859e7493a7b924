using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Targeting.Rules.Conditions;

namespace Targeting.Rules;

/// <summary>
/// The JSON conventions of the API and of stored state: camelCase names, enums as camelCase
/// strings (numbers refused), and condition types discovered from <see cref="ConditionTypeAttribute"/>.
/// </summary>
public static class RulesJson
{
    /// <summary>All condition types by their JSON name.</summary>
    public static readonly IReadOnlyDictionary<string, Type> ConditionTypes = typeof(Condition).Assembly
        .GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Condition)) && !t.IsAbstract)
        .ToDictionary(t => ConditionTypeAttribute.NameOf(t));

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to options someone else owns (ASP.NET Core's, for instance).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.AllowOutOfOrderMetadataProperties = true;
        options.MaxDepth = 32;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(
            options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
            new DefaultJsonTypeInfoResolver()).WithAddedModifier(AddConditionTypes);
        return options;
    }

    private static void AddConditionTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(Condition)) return;
        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (name, type) in ConditionTypes.OrderBy(p => p.Key, StringComparer.Ordinal))
            polymorphism.DerivedTypes.Add(new JsonDerivedType(type, name));
        info.PolymorphismOptions = polymorphism;
    }
}
