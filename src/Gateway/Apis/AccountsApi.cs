using Targeting.Accounts;
using Targeting.Gateway.Infrastructure;
using Targeting.Rules.Validation;

namespace Targeting.Gateway.Apis;

public sealed record CreateAccountRequest(string? Id, string? Name);

public sealed record AccountCreated(string Id, string Name, string AdminKey);

public sealed record AdminKeyCreated(string AdminKey);

/// <summary>Accounts (operator) and admin key rotation (campaign manager).</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/v1/accounts").WithTags("Accounts").RequireRateLimiting(RateLimits.Admin);
        accounts.MapPost("", CreateAccount)
            .Produces<AccountCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/{accountId}/admin-keys", RotateAdminKey)
            .AddEndpointFilter(AdminKeyFilter.RequireAdminKey)
            .Produces<AdminKeyCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CreateAccount(CreateAccountRequest body, HttpRequest request, OperatorKey operatorKey, IGrainFactory grains)
    {
        if (!operatorKey.Matches(Bearer.From(request)))
            return Problems.Unauthorized("Send the operator key (configuration Targeting:OperatorKey) as 'Authorization: Bearer <key>'.");
        if (!Identifiers.IsValid(body.Id))
            return Problems.Field("id", "Required; lowercase letters, digits and '-', starting with a letter or digit, at most 64 characters.");
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > Limits.MaxNameLength)
            return Problems.Field("name", $"Required; at most {Limits.MaxNameLength} characters.");

        var adminKey = await grains.GetGrain<IAccountGrain>(body.Id!).Create(body.Name);
        return adminKey is null
            ? Problems.Conflict($"An account with id '{body.Id}' already exists.")
            : TypedResults.Created($"/v1/accounts/{body.Id}", new AccountCreated(body.Id!, body.Name, adminKey));
    }

    private static async Task<IResult> RotateAdminKey(string accountId, IGrainFactory grains)
    {
        var adminKey = await grains.GetGrain<IAccountGrain>(accountId).RotateAdminKey();
        return adminKey is null
            ? Problems.NotFound($"There is no account '{accountId}'.")
            : TypedResults.Created($"/v1/accounts/{accountId}", new AdminKeyCreated(adminKey));
    }
}
