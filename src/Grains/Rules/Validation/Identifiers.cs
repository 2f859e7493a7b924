namespace Targeting.Rules.Validation;

/// <summary>Account, library object and engagement ids: <c>^[a-z0-9][a-z0-9-]{0,63}$</c>.</summary>
public static class Identifiers
{
    public const string Pattern = "^[a-z0-9][a-z0-9-]{0,63}$";

    // A hand-written check: ids are checked on every request, and need no regex engine.
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length is 0 or > Limits.MaxIdentifierLength) return false;
        if (!IsLowerAlphanumeric(id[0])) return false;
        foreach (var c in id)
            if (!IsLowerAlphanumeric(c) && c != '-') return false;
        return true;
    }

    private static bool IsLowerAlphanumeric(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
