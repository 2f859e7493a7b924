using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Targeting.Rules;
using Targeting.Rules.Compilation;
using Targeting.Rules.Library;
using Targeting.Rules.Validation;
using Targeting.RuleSets;
using Targeting.Storage;

namespace Targeting.Accounts;

/// <summary>
/// Owns an account's library and campaigns: validated CRUD with per-object versions and one
/// library version, and notification of every silo's <see cref="RuleSetCache"/> before a change
/// returns. Always active, so the subscriptions it holds in memory are not dropped by idle
/// collection (accounts are few; renewal restores them after a silo failure).
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Targeting)] IPersistentState<AccountState> account,
    IOptions<AccountLimits> limits,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    private readonly int _maxObjectsPerKind = limits.Value.MaxLibraryObjectsPerKind;
    private static readonly TimeSpan NotificationTimeout = TimeSpan.FromSeconds(5);
    private readonly ObserverManager<IRuleSetObserver> _caches = new(TimeSpan.FromSeconds(95), logger);

    private string Id => this.GetPrimaryKeyString();
    private AccountState State => account.State;
    private bool Exists => account.RecordExists;

    public async Task<string?> Create(string name)
    {
        if (Exists) return null;
        var (key, hash) = AdminKeys.New(Id);
        account.State = new AccountState { Name = name, AdminKeyHash = hash, Version = 1 };
        await account.WriteStateAsync();
        return key;
    }

    public Task<AccountInfo?> GetInfo() =>
        Task.FromResult(Exists ? new AccountInfo(Id, State.Name, State.Version) : null);

    public Task<bool> IsAdminKey(string key) =>
        Task.FromResult(Exists && AdminKeys.TryParse(key, out var accountId, out var secret)
            && accountId == Id && AdminKeys.Matches(secret, State.AdminKeyHash));

    public async Task<string?> RotateAdminKey()
    {
        if (!Exists) return null;
        var (key, hash) = AdminKeys.New(Id);
        var previous = State.AdminKeyHash;
        State.AdminKeyHash = hash;
        try
        {
            await account.WriteStateAsync();
        }
        catch
        {
            State.AdminKeyHash = previous;
            throw;
        }
        return key;
    }

    public Task<AccountLibrary?> GetLibrary() => Task.FromResult(Exists ? State.ToLibrary(Id) : null);

    public Task<AccountLibrary?> SubscribeToLibrary(IRuleSetObserver observer)
    {
        if (!Exists) return Task.FromResult<AccountLibrary?>(null);
        _caches.Subscribe(observer, observer);
        return Task.FromResult<AccountLibrary?>(State.ToLibrary(Id));
    }

    public async Task<LibraryWrite> Put(LibraryObject item)
    {
        if (!Exists) return new LibraryWrite(WriteStatus.NoAccount);
        var errors = Validate(item, State.ToLibrary(Id));
        if (errors.Count > 0) return new LibraryWrite(WriteStatus.Invalid, Errors: [.. errors]);

        var kind = AccountState.KindOf(item);
        var previous = State.Find(kind, item.Id);
        if (previous is null && State.Count(kind) >= _maxObjectsPerKind)
            return LimitReached($"the account already holds {_maxObjectsPerKind} objects of this kind, the most it may; delete one first");
        var saved = item with { Version = (previous?.Version ?? 0) + 1 };

        // Edits of what published engagements use must keep every mobile engagement valid (422).
        var changed = With(saved);
        errors = LibraryValidator.ValidatePublishedEngagements(changed);
        if (errors.Count > 0) return new LibraryWrite(WriteStatus.Invalid, Errors: [.. errors]);
        RuleSetCompiler.Compile(changed); // never store a library that would not compile
        if (JsonSerializer.SerializeToUtf8Bytes(changed, RulesJson.Options).Length > Limits.MaxLibraryBytes)
            return LimitReached($"the account's library would exceed {Limits.MaxLibraryBytes / 1024} KiB, the most one account may store; make objects smaller or delete some");

        await CommitAsync(() => State.Set(saved), () => Restore(kind, saved.Id, previous));
        return new LibraryWrite(previous is null ? WriteStatus.Created : WriteStatus.Replaced, saved);
    }

    public async Task<LibraryDelete> Delete(LibraryObjectKind kind, string id)
    {
        if (!Exists) return new LibraryDelete(DeleteStatus.NoAccount);
        if (State.Find(kind, id) is not { } previous) return new LibraryDelete(DeleteStatus.NotFound);
        var references = LibraryValidator.ReferencesTo(State.ToLibrary(Id), kind, id);
        if (references.Count > 0) return new LibraryDelete(DeleteStatus.Referenced, [.. references]);

        await CommitAsync(() => State.Remove(kind, id), () => State.Set(previous));
        return new LibraryDelete(DeleteStatus.Deleted);
    }

    private static LibraryWrite LimitReached(string message) =>
        new(WriteStatus.Invalid, Errors: [new ValidationError("id", message)]);

    private static IReadOnlyList<ValidationError> Validate(LibraryObject item, AccountLibrary library) => item switch
    {
        EntryPoint e => LibraryValidator.ValidateEntryPoint(e),
        Flow f => LibraryValidator.ValidateFlow(f),
        Behavior b => LibraryValidator.ValidateBehavior(b, library),
        Campaign c => LibraryValidator.ValidateCampaign(c, library),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "Not a library object"),
    };

    // The library as it would be with the item saved, for the checks that span objects.
    private AccountLibrary With(LibraryObject item)
    {
        var library = State.ToLibrary(Id);
        static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, LibraryObject item) where T : LibraryObject =>
            item is T t ? [.. items.Where(i => i.Id != t.Id), t] : items;
        return library with
        {
            Version = library.Version + 1,
            EntryPoints = Replace(library.EntryPoints, item),
            Flows = Replace(library.Flows, item),
            Behaviors = Replace(library.Behaviors, item),
            Campaigns = Replace(library.Campaigns, item),
        };
    }

    private void Restore(LibraryObjectKind kind, string id, LibraryObject? previous)
    {
        if (previous is null) State.Remove(kind, id);
        else State.Set(previous);
    }

    // Applies a change, bumps the library version, persists, then tells every silo's cache before returning (rule 21).
    private async Task CommitAsync(Action apply, Action undo)
    {
        apply();
        State.Version++;
        try
        {
            await account.WriteStateAsync();
        }
        catch
        {
            undo();
            State.Version--;
            throw;
        }
        var library = State.ToLibrary(Id);
        await _caches.Notify(cache => cache.OnLibraryChanged(library).WaitAsync(NotificationTimeout));
    }
}
