using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Targeting.Accounts;
using Targeting.Rules.Compilation;
using Targeting.Rules.Library;

namespace Targeting.RuleSets;

/// <summary>
/// The silo-local home of compiled rule sets: one immutable <see cref="RuleSet"/> per account,
/// shared by every session grain of that account on this silo, so no event calls a shared grain
/// or compiles anything. Filled on first use; kept fresh by the account grain, which notifies
/// this cache (a grain observer) before an admin change returns; subscriptions are renewed and
/// versions compared periodically as a safety net for lost notifications.
/// </summary>
public sealed class RuleSetCache(IGrainFactory grains, ILogger<RuleSetCache> logger) : IRuleSetObserver
{
    public static readonly TimeSpan RenewalPeriod = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, RuleSet> _ruleSets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private IRuleSetObserver? _reference; // strong reference: observers are held weakly by the runtime

    /// <summary>The account's current rule set, or null when the account does not exist.</summary>
    public ValueTask<RuleSet?> GetAsync(string accountId) =>
        _ruleSets.TryGetValue(accountId, out var ruleSet) ? new(ruleSet) : new(LoadAsync(accountId));

    public Task OnLibraryChanged(AccountLibrary library)
    {
        if (_ruleSets.ContainsKey(library.AccountId)) Store(library);
        return Task.CompletedTask;
    }

    /// <summary>Creates this silo's observer reference; called once the silo runs (see <see cref="RuleSetRenewal"/>).</summary>
    internal void Attach() => _reference ??= grains.CreateObjectReference<IRuleSetObserver>(this);

    /// <summary>Renews every subscription and reloads any account whose version moved without a notification.</summary>
    internal async Task RenewAsync(CancellationToken cancellationToken)
    {
        foreach (var accountId in _ruleSets.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await SubscribeAsync(accountId) is { } library) Store(library);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not renew the rule set subscription of account {Account}", accountId);
            }
        }
    }

    private async Task<RuleSet?> LoadAsync(string accountId)
    {
        await _loading.WaitAsync();
        try
        {
            if (_ruleSets.TryGetValue(accountId, out var cached)) return cached;
            var library = await SubscribeAsync(accountId);
            return library is null ? null : Store(library);
        }
        finally
        {
            _loading.Release();
        }
    }

    // Subscribing answers the library atomically, so no change slips between the read and the subscription.
    private Task<AccountLibrary?> SubscribeAsync(string accountId) =>
        grains.GetGrain<IAccountGrain>(accountId).SubscribeToLibrary(_reference ?? throw new InvalidOperationException("The rule set cache is not attached to a running silo."));

    private RuleSet Store(AccountLibrary library)
    {
        var compiled = _ruleSets.AddOrUpdate(library.AccountId,
            _ => RuleSetCompiler.Compile(library),
            (_, current) => current.Version >= library.Version ? current : RuleSetCompiler.Compile(library));
        return compiled;
    }
}

/// <summary>Attaches the cache once the silo is up, then renews its subscriptions periodically.</summary>
internal sealed class RuleSetRenewal(RuleSetCache cache, ILogger<RuleSetRenewal> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RuleSetCache.RenewalPeriod);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cache.RenewAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Rule set renewal failed");
            }
        }
    }
}
