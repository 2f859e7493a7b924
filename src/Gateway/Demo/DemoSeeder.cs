using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Targeting.Accounts;
using Targeting.Gateway.Tag;
using Targeting.Rules;
using Targeting.Rules.Library;

namespace Targeting.Gateway.Demo;

/// <summary>
/// Creates the demo account (id <c>demo</c>) with the library and campaigns of demo-account.json once the
/// gateway has started, and prints its admin key. Idempotent: an object that exists already is left as it
/// is (a campaign manager may have edited it); an account that exists already gets a fresh admin key,
/// because only a hash of the old one is stored and the key is printed at every start.
/// </summary>
public sealed partial class DemoSeeder(
    IGrainFactory grains,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string AccountId = "demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken)) return;
        try
        {
            var adminKey = await SeedAsync();
            LogSeeded(logger, DemoUrl(), AccountId, adminKey);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, e);
        }
    }

    /// <summary>Answers the account's admin key.</summary>
    public async Task<string> SeedAsync()
    {
        var seed = JsonNode.Parse(EmbeddedAsset.Load("seed/demo-account.json").Content)!.AsObject();
        var account = grains.GetGrain<IAccountGrain>(AccountId);
        var adminKey = await account.Create(seed["name"]!.GetValue<string>())
            ?? await account.RotateAdminKey()
            ?? throw new InvalidOperationException("The demo account vanished while being seeded.");
        var library = await account.GetLibrary() ?? AccountLibrary.Empty(AccountId);

        // Dependencies first: behaviors name entry points and flows; campaigns name behaviors.
        await PutMissingAsync<EntryPoint>(account, seed, "entryPoints", library.EntryPoints);
        await PutMissingAsync<Flow>(account, seed, "flows", library.Flows);
        await PutMissingAsync<Behavior>(account, seed, "behaviors", library.Behaviors);
        await PutMissingAsync<Campaign>(account, seed, "campaigns", library.Campaigns);
        return adminKey;
    }

    private static async Task PutMissingAsync<T>(IAccountGrain account, JsonObject seed, string collection, IReadOnlyList<T> existing)
        where T : LibraryObject
    {
        foreach (var (id, body) in seed[collection]!.AsObject())
        {
            if (existing.Any(e => e.Id == id)) continue;
            var item = body.Deserialize<T>(RulesJson.Options)! with { Id = id };
            var write = await account.Put(item);
            if (write.Status is not (WriteStatus.Created or WriteStatus.Replaced))
                throw new InvalidOperationException(
                    $"demo-account.json: {collection}.{id} was refused ({write.Status}): "
                    + string.Join("; ", (write.Errors ?? []).Select(e => e.ToString())));
        }
    }

    // The co-hosted silo is up once the application has started.
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Where a person on this machine opens the demo: the first listening address, a wildcard host made local.
    private string DemoUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return "/demo/";
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return address.TrimEnd('/') + "/demo/";
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo shop: {DemoUrl} (account '{AccountId}'). Demo admin key: {AdminKey}")]
    private static partial void LogSeeded(ILogger logger, string demoUrl, string accountId, string adminKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo account could not be seeded.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
