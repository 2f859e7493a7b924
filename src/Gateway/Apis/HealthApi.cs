using Targeting.Gateway.Infrastructure;
using Targeting.Health;

namespace Targeting.Gateway.Apis;

public sealed record Health(string Status);

public static class HealthApi
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).WithTags("Operations")
            .Produces<Health>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    // A call to a stateless worker grain proves the gateway reaches a silo.
    private static async Task<IResult> Check(IGrainFactory grains, ILogger<Health> logger)
    {
        try
        {
            await grains.GetGrain<IHealthGrain>(0).Ping().WaitAsync(Timeout);
            return TypedResults.Ok(new Health("healthy"));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Health check could not reach the cluster");
            return Problems.Unavailable("The gateway cannot reach the cluster.");
        }
    }
}
