namespace Targeting.Testing;

/// <summary>Finds the repository and the build outputs that tests start as child processes.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> root = new(FindRoot);

    /// <summary>The repository root: TARGETING_REPO_ROOT, else the first parent holding Targeting.sln.</summary>
    public static string Root => root.Value;

    /// <summary>The build configuration the tests were built with (Debug or Release), read from their output path.</summary>
    public static string Configuration
    {
        get
        {
            var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var bin = Array.LastIndexOf(parts, "bin");
            return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
        }
    }

    /// <summary>The Azurite table service launcher installed by <c>npm ci</c> in tools/azurite.</summary>
    public static string AzuriteTable
    {
        get
        {
            var path = Path.Combine(Root, "tools", "azurite", "node_modules", ".bin", "azurite-table");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException(
                    $"Azurite is not installed at {path}: run ./scripts/test.sh or `npm ci` in tools/azurite.", path);
        }
    }

    /// <summary>The built assembly of a project under src/, e.g. BuiltAssembly("Silo", "Targeting.Silo").</summary>
    public static string BuiltAssembly(string srcFolder, string assemblyName)
    {
        var path = Path.Combine(Root, "src", srcFolder, "bin", Configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built: build Targeting.sln -c {Configuration} first.", path);
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TARGETING_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "Targeting.sln")))
            return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Targeting.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Targeting.sln above {AppContext.BaseDirectory}; set TARGETING_REPO_ROOT.");
    }
}
