namespace Targeting.Storage;

public static class StorageNames
{
    /// <summary>The grain storage provider every Targeting grain uses.</summary>
    public const string Targeting = "targeting";
}
