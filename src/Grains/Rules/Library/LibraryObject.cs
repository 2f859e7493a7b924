namespace Targeting.Rules.Library;

/// <summary>
/// What every object of an account's library has: an id and a version the server assigns
/// (clients may omit both in a PUT body; the admin API overwrites them).
/// </summary>
public abstract record LibraryObject
{
    public string Id { get; init; } = "";
    public int Version { get; init; }
    public string? Name { get; init; }
}
