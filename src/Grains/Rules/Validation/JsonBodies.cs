using System.Text.Json;

namespace Targeting.Rules.Validation;

/// <summary>
/// Reads a request body with <see cref="RulesJson.Options"/> and turns a body that does not
/// deserialize into one <see cref="ValidationError"/> at its path (<c>conditions[1].trigger</c>),
/// never an exception. System.Text.Json reports a polymorphic object without <c>"type"</c> as a
/// <see cref="NotSupportedException"/>, which ASP.NET Core would answer with 500; this maps it to 400 too.
/// </summary>
public static class JsonBodies
{
    /// <summary>The path of the whole body, for a body that is missing or is not even JSON.</summary>
    public const string RootPath = "$";

    public static T? Read<T>(string json, out ValidationError? error) where T : class
    {
        try
        {
            return Checked(JsonSerializer.Deserialize<T>(json, RulesJson.Options), out error);
        }
        catch (Exception e) when (ToError(e) is { } bad)
        {
            error = bad;
            return null;
        }
    }

    public static async ValueTask<(T? Body, ValidationError? Error)> ReadAsync<T>(Stream body, CancellationToken cancellationToken = default)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(body, RulesJson.Options, cancellationToken);
            return (Checked(value, out var error), error);
        }
        catch (Exception e) when (ToError(e) is { } bad)
        {
            return (null, bad);
        }
    }

    /// <summary>The error for an exception thrown while deserializing a body, or null when the exception is not about the body.</summary>
    public static ValidationError? ToError(Exception exception) => exception switch
    {
        JsonException e => new ValidationError(PathOf(e.Path ?? "$"), Describe(e)),
        NotSupportedException e when PathIn(e.Message) is { } path => new ValidationError(PathOf(path), MissingType(e.Message)),
        _ => null,
    };

    private static T? Checked<T>(T? value, out ValidationError? error) where T : class
    {
        error = value is null ? new ValidationError(RootPath, "a body is required") : null;
        return value;
    }

    // "$.conditions[1].min" -> "conditions[1].min", the validators' convention; "$" stays for the body itself.
    private static string PathOf(string jsonPath) => jsonPath switch
    {
        "$" => RootPath,
        _ when jsonPath.StartsWith("$.", StringComparison.Ordinal) => jsonPath[2..],
        _ when jsonPath.StartsWith('$') => jsonPath[1..],
        _ => jsonPath,
    };

    private static string? PathIn(string message)
    {
        const string marker = "Path: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var end = message.IndexOf(" |", at, StringComparison.Ordinal);
        return (end < 0 ? message[(at + marker.Length)..] : message[(at + marker.Length)..end]).TrimEnd('.');
    }

    private static string MissingType(string message) =>
        message.Contains("type discriminator", StringComparison.Ordinal) ? "\"type\" is required" : Reason(message);

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        const string unknownType = "unrecognized type discriminator id ";
        var at = message.IndexOf(unknownType, StringComparison.Ordinal);
        if (at >= 0) return $"unknown type {Reason(message[(at + unknownType.Length)..])}";
        const string conversion = "could not be converted to ";
        at = message.IndexOf(conversion, StringComparison.Ordinal);
        if (at >= 0) return Expected(Reason(message[(at + conversion.Length)..]));
        return Reason(message);
    }

    // "System.Nullable`1[Targeting.Rules.Library.BehaviorMatch]" -> "must be one of all | any"
    private static string Expected(string typeName)
    {
        var name = typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? typeName[18..^1] : typeName;
        var type = typeof(RulesJson).Assembly.GetType(name) ?? Type.GetType(name);
        if (type is { IsEnum: true })
            return $"must be one of {string.Join(" | ", Enum.GetNames(type).Select(Check.CamelCase))}";
        return type switch
        {
            _ when type == typeof(string) => "must be a string",
            _ when type == typeof(int) || type == typeof(long) => "must be an integer",
            _ when type == typeof(decimal) || type == typeof(double) => "must be a number",
            _ when type == typeof(bool) => "must be true or false",
            { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => "must be an array",
            _ => "has a value of the wrong type",
        };
    }

    // Drops " Path: $.x | LineNumber: 0 | BytePositionInLine: 3." — the path is reported separately.
    private static string Reason(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var reason = (at < 0 ? message : message[..at]).Trim().TrimEnd('.');
        return Check.Clip(reason, 200);
    }
}
