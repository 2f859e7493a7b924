using System.Text.Json;
using Orleans.Storage;
using Targeting.Rules;
using Targeting.Rules.Sessions;

namespace Targeting.Storage;

/// <summary>
/// Stores grain state as plain System.Text.Json with the engine's conventions: no type names in
/// the payload, unknown properties ignored, missing ones defaulted, so renaming a CLR type or
/// adding a field never breaks state already stored (unlike the default Newtonsoft serializer).
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(input, RulesJson.Options);
        // Checked here, where the bytes exist anyway: a session that grew past its budget must be
        // refused as such, not by Azure Table storage as an error that looks like an outage.
        if (input is SessionState && bytes.Length > SessionState.MaxStoredBytes)
            throw new StateTooLargeException("session", bytes.Length, SessionState.MaxStoredBytes);
        return new(bytes);
    }

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, RulesJson.Options)!;
}
