namespace Targeting.ClusterTests;

/// <summary>Keeps the figures a cluster test measured in TestResults/, beside the test run's results.</summary>
internal static class Figures
{
    public static void Write(string name, string text)
    {
        var folder = Path.Combine(RepoPaths.Root, "TestResults");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{name}-figures.txt"), text + Environment.NewLine);
        Console.WriteLine(text);
    }
}
