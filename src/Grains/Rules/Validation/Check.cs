namespace Targeting.Rules.Validation;

/// <summary>The checks every validator repeats, each reporting one sentence that says what to fix.</summary>
internal static class Check
{
    public static void Name(ValidationScope at, string? name, bool required = true) =>
        Text(at, name, Limits.MaxNameLength, required, "name");

    /// <summary>A string field: present when required, never empty or blank, at most <paramref name="max"/> characters.</summary>
    public static void Text(ValidationScope at, string? value, int max, bool required, string what)
    {
        if (value is null)
        {
            if (required) at.Error($"{what} is required");
            return;
        }
        if (string.IsNullOrWhiteSpace(value)) at.Error($"{what} must not be empty");
        else if (value.Length > max) at.Error($"{what} has {value.Length} characters; at most {max}");
    }

    /// <summary>A list's size; true when it is present and within bounds, so its items are worth checking.</summary>
    public static bool Count<T>(ValidationScope at, IReadOnlyList<T>? list, int min, int max, string what, bool required = true)
    {
        if (list is null)
        {
            if (required) at.Error(min > 0 ? $"{what} is required (at least {min})" : $"{what} is required");
            return false;
        }
        if (list.Count < min)
        {
            at.Error($"{what}: at least {min}, got {list.Count}");
            return false;
        }
        if (list.Count > max)
        {
            at.Error($"{what}: at most {max}, got {list.Count}");
            return false;
        }
        return true;
    }

    /// <summary>An enum field: present when required and one of the named values.</summary>
    public static void Enum<TEnum>(ValidationScope at, TEnum? value, bool required, string what)
        where TEnum : struct, System.Enum
    {
        if (value is not { } v)
        {
            if (required) at.Error($"{what} is required: {Choices<TEnum>()}");
            return;
        }
        if (!System.Enum.IsDefined(v)) at.Error($"{what} must be one of {Choices<TEnum>()}");
    }

    public static string Choices<TEnum>() where TEnum : struct, System.Enum =>
        string.Join(" | ", System.Enum.GetNames<TEnum>().Select(CamelCase));

    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>An id that must match <see cref="Identifiers.Pattern"/>.</summary>
    public static bool Identifier(ValidationScope at, string? id, string what)
    {
        if (id is null)
        {
            at.Error($"{what} is required");
            return false;
        }
        if (Identifiers.IsValid(id)) return true;
        at.Error($"{what} '{Clip(id)}' is not a valid id ({Identifiers.Pattern})");
        return false;
    }

    /// <summary>A reference to an entry point that must exist in the account's library.</summary>
    public static void EntryPointId(ValidationScope at, string? id, LibraryIndex library)
    {
        if (Identifier(at, id, "entry point id") && !library.EntryPoints.ContainsKey(id!))
            at.Error($"unknown entry point '{id}'");
    }

    /// <summary>A non-empty list of known entry points.</summary>
    public static void EntryPointIds(ValidationScope at, IReadOnlyList<string>? ids, LibraryIndex library, bool required)
    {
        if (!Count(at, ids, 1, Limits.MaxEntryPointIds, "entry point ids", required)) return;
        for (var i = 0; i < ids!.Count; i++) EntryPointId(at[i], ids[i], library);
    }

    /// <summary>Echoes a value in a message without echoing a megabyte.</summary>
    public static string Clip(string value, int max = 64) => value.Length <= max ? value : value[..max] + "…";
}
