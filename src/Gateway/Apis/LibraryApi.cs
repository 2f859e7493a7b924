using Targeting.Accounts;
using Targeting.Gateway.Infrastructure;
using Targeting.Rules.Library;
using Targeting.Rules.Validation;

namespace Targeting.Gateway.Apis;

public sealed record ItemList<T>(IReadOnlyList<T> Items);

/// <summary>
/// The admin API of the library: entry points, flows, behaviors and campaigns share one shape
/// (PUT creates or replaces whole, GET one or all ordered by id, DELETE unless referenced).
/// </summary>
public static class LibraryApi
{
    public static IEndpointRouteBuilder MapLibraryApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/accounts/{accountId}").AddEndpointFilter(AdminKeyFilter.RequireAdminKey)
            .RequireRateLimiting(RateLimits.Admin);
        admin.MapLibraryObjects<EntryPoint>("entry-points", LibraryObjectKind.EntryPoint, "Entry points");
        admin.MapLibraryObjects<Flow>("flows", LibraryObjectKind.Flow, "Flows");
        admin.MapLibraryObjects<Behavior>("behaviors", LibraryObjectKind.Behavior, "Behaviors");
        admin.MapLibraryObjects<Campaign>("campaigns", LibraryObjectKind.Campaign, "Campaigns");
        return app;
    }

    private static void MapLibraryObjects<T>(this RouteGroupBuilder admin, string segment, LibraryObjectKind kind, string tag)
        where T : LibraryObject
    {
        var group = admin.MapGroup(segment).WithTags(tag);
        group.MapGet("", (string accountId, IGrainFactory grains) => List<T>(accountId, kind, grains))
            .Produces<ItemList<T>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}", (string accountId, string id, IGrainFactory grains) => Get<T>(accountId, kind, id, grains))
            .Produces<T>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}", (string accountId, string id, T body, IGrainFactory grains) => Put(accountId, id, body, segment, grains))
            .Produces<T>(StatusCodes.Status200OK).Produces<T>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", (string accountId, string id, IGrainFactory grains) => Delete(accountId, kind, id, grains))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> List<T>(string accountId, LibraryObjectKind kind, IGrainFactory grains) where T : LibraryObject
    {
        if (await grains.GetGrain<IAccountGrain>(accountId).GetLibrary() is not { } library)
            return Problems.NotFound($"There is no account '{accountId}'.");
        return TypedResults.Ok(new ItemList<T>([.. ItemsOf(library, kind).OfType<T>().OrderBy(i => i.Id, StringComparer.Ordinal)]));
    }

    private static async Task<IResult> Get<T>(string accountId, LibraryObjectKind kind, string id, IGrainFactory grains) where T : LibraryObject
    {
        if (!Identifiers.IsValid(id)) return InvalidId();
        var library = await grains.GetGrain<IAccountGrain>(accountId).GetLibrary();
        return library is not null && ItemsOf(library, kind).OfType<T>().FirstOrDefault(i => i.Id == id) is { } item
            ? TypedResults.Ok(item)
            : Problems.NotFound($"There is no {Singular(kind)} '{id}' in account '{accountId}'.");
    }

    private static async Task<IResult> Put<T>(string accountId, string id, T body, string segment, IGrainFactory grains) where T : LibraryObject
    {
        if (!Identifiers.IsValid(id)) return InvalidId();
        var result = await grains.GetGrain<IAccountGrain>(accountId).Put(body with { Id = id, Version = 0 });
        return result.Status switch
        {
            WriteStatus.Created => TypedResults.Created($"/v1/accounts/{accountId}/{segment}/{id}", (T)result.Item!),
            WriteStatus.Replaced => TypedResults.Ok((T)result.Item!),
            WriteStatus.Invalid => Problems.Validation(result.Errors ?? []),
            _ => Problems.NotFound($"There is no account '{accountId}'."),
        };
    }

    private static async Task<IResult> Delete(string accountId, LibraryObjectKind kind, string id, IGrainFactory grains)
    {
        if (!Identifiers.IsValid(id)) return InvalidId();
        var result = await grains.GetGrain<IAccountGrain>(accountId).Delete(kind, id);
        return result.Status switch
        {
            DeleteStatus.Deleted => TypedResults.NoContent(),
            DeleteStatus.Referenced => Problems.Conflict(
                $"The {Singular(kind)} '{id}' is still referenced by {string.Join(", ", result.ReferencedBy ?? [])}; change or delete those first.",
                new Dictionary<string, object?> { ["referencedBy"] = result.ReferencedBy }),
            _ => Problems.NotFound($"There is no {Singular(kind)} '{id}' in account '{accountId}'."),
        };
    }

    private static IEnumerable<LibraryObject> ItemsOf(AccountLibrary library, LibraryObjectKind kind) => kind switch
    {
        LibraryObjectKind.EntryPoint => library.EntryPoints,
        LibraryObjectKind.Flow => library.Flows,
        LibraryObjectKind.Behavior => library.Behaviors,
        _ => library.Campaigns,
    };

    private static string Singular(LibraryObjectKind kind) => kind switch
    {
        LibraryObjectKind.EntryPoint => "entry point",
        LibraryObjectKind.Flow => "flow",
        LibraryObjectKind.Behavior => "behavior",
        _ => "campaign",
    };

    private static IResult InvalidId() =>
        Problems.Field("id", "Ids are lowercase letters, digits and '-', starting with a letter or digit, at most 64 characters.");
}
