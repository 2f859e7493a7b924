using System.Text.Json;
using Orleans.Storage;
using Targeting.Rules;

namespace Targeting.Storage;

/// <summary>
/// Stores grain state as plain System.Text.Json with the engine's conventions: no type names in
/// the payload, unknown properties ignored, missing ones defaulted, so renaming a CLR type or
/// adding a field never breaks state already stored (unlike the default Newtonsoft serializer).
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, RulesJson.Options));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, RulesJson.Options)!;
}
