namespace Targeting.ClusterTests;

/// <summary>
/// docker-compose.yml is validated by `docker-compose config` (no Docker engine runs here) and
/// kept consistent with scripts/cluster.sh: the same configuration keys for silos and gateways.
/// </summary>
public sealed class ComposeTests
{
    private const string OperatorKey = "compose-test-operator-key";

    [Fact]
    public async Task Compose_file_parses_with_azurite_a_scalable_silo_and_the_gateway_on_5080()
    {
        var config = await ComposeConfigAsync();

        Assert.Equal(["azurite", "gateway", "silo"], config.Keys.Order());
        Assert.DoesNotContain("ports", config["silo"].Keys);          // --scale silo=3 needs no host ports
        Assert.DoesNotContain("container_name", config["silo"].Keys);
        Assert.Contains("published: 5080", config["gateway"]["ports"]);
        Assert.Contains("target: 5080", config["gateway"]["ports"]);
        Assert.Contains("src/Silo/Dockerfile", config["silo"]["build"].Single(l => l.StartsWith("dockerfile:")));
        Assert.Contains("src/Gateway/Dockerfile", config["gateway"]["build"].Single(l => l.StartsWith("dockerfile:")));
        Assert.Contains("--skipApiVersionCheck", string.Join(' ', config["azurite"]["command"]));
    }

    [Fact]
    public async Task Silos_and_gateway_get_the_same_configuration_keys_as_the_local_cluster_script()
    {
        var config = await ComposeConfigAsync();

        var siloKeys = Environment(config["silo"]).Keys.Order();
        var gatewayKeys = Environment(config["gateway"]).Keys.Order();

        Assert.Equal((await ScriptEnvironmentAsync("silo")).Keys.Order(), siloKeys);
        Assert.Equal((await ScriptEnvironmentAsync("gateway")).Keys.Order(), gatewayKeys);
        Assert.Equal("false", Environment(config["gateway"])["Targeting__Cluster__Embedded"]);
        Assert.Equal(OperatorKey, Environment(config["gateway"])["Targeting__OperatorKey"]);
        Assert.Equal(Environment(config["silo"])["Targeting__Cluster__ClusterId"], Environment(config["gateway"])["Targeting__Cluster__ClusterId"]);
        Assert.Contains("TableEndpoint=http://azurite:10002/devstoreaccount1;", Environment(config["silo"])["Targeting__AzureStorage__ConnectionString"]);
    }

    [Fact]
    public async Task Compose_refuses_to_start_a_gateway_without_an_operator_key()
    {
        var result = await RunComposeConfigAsync(operatorKey: null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("TARGETING_OPERATOR_KEY", result.StandardError);
    }

    [Theory]
    [InlineData("src/Silo/Dockerfile")]
    [InlineData("src/Gateway/Dockerfile")]
    public void Dockerfiles_copy_only_files_that_exist_and_build_on_dotnet_10(string dockerfile)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, dockerfile));

        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build"));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0"));
        var sources = lines.Where(l => l.StartsWith("COPY ") && !l.Contains("--from"))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]);
        foreach (var source in sources)
            Assert.True(Path.Exists(Path.Combine(RepoPaths.Root, source)), $"{dockerfile} copies {source}, which does not exist");
    }

    private static async Task<CommandResult> RunComposeConfigAsync(string? operatorKey) =>
        await CommandLine.RunAsync(
            "docker-compose",
            ["--project-directory", RepoPaths.Root, "-f", Path.Combine(RepoPaths.Root, "docker-compose.yml"), "config"],
            new Dictionary<string, string?> { ["TARGETING_OPERATOR_KEY"] = operatorKey });

    private static async Task<Dictionary<string, Dictionary<string, List<string>>>> ComposeConfigAsync()
    {
        var result = await RunComposeConfigAsync(OperatorKey);
        Assert.True(result.ExitCode == 0, result.Describe());
        return ParseServices(result.StandardOutput);
    }

    private static async Task<Dictionary<string, string>> ScriptEnvironmentAsync(string kind)
    {
        var result = await CommandLine.RunAsync(
            Path.Combine(RepoPaths.Root, "scripts", "cluster.sh"), ["env", kind, "1"],
            new Dictionary<string, string?>
            {
                ["TARGETING_OPERATOR_KEY"] = OperatorKey,
                ["CLUSTER_STATE"] = Path.Combine(Path.GetTempPath(), $"targeting-cluster-{Guid.NewGuid():N}"),
            });
        Assert.True(result.ExitCode == 0, result.Describe());
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .Where(kv => kv[0] != "ASPNETCORE_URLS") // compose listens on all interfaces in the container, the script on loopback
            .ToDictionary(kv => kv[0], kv => kv[1]);
    }

    private static Dictionary<string, string> Environment(Dictionary<string, List<string>> service) =>
        service["environment"]
            .Select(l => l.Split(':', 2))
            .Where(kv => kv[0] != "ASPNETCORE_URLS")
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim().Trim('\'', '"'));

    /// <summary>
    /// Reads `docker-compose config`'s normalized YAML: services at indent 2, their keys at
    /// indent 4, everything deeper as the key's lines (list dashes removed).
    /// </summary>
    private static Dictionary<string, Dictionary<string, List<string>>> ParseServices(string yaml)
    {
        var services = new Dictionary<string, Dictionary<string, List<string>>>();
        Dictionary<string, List<string>>? service = null;
        List<string>? key = null;
        var inServices = false;
        foreach (var line in yaml.Split('\n'))
        {
            var indent = line.Length - line.TrimStart().Length;
            var text = line.Trim();
            if (text.Length == 0)
                continue;
            if (indent == 0)
            {
                inServices = text == "services:";
                continue;
            }
            if (!inServices)
                continue;
            if (indent == 2)
                services[text.TrimEnd(':')] = service = [];
            else if (indent == 4 && service is not null && !text.StartsWith('-'))
            {
                var parts = text.Split(':', 2);
                service[parts[0]] = key = [];
                if (parts[1].Trim().Length > 0)
                    key.Add(parts[1].Trim());
            }
            else if (key is not null)
                key.Add(text.StartsWith("- ") ? text[2..] : text);
        }
        return services;
    }
}
