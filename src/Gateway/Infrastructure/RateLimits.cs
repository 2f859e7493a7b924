using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Targeting.Gateway.Infrastructure;

/// <summary>One fixed window: <see cref="PermitLimit"/> requests per <see cref="Window"/> per partition.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Configuration section <c>Targeting:RateLimits</c>. Visitor traffic is limited per account (one
/// tenant's flood cannot starve the others); admin traffic per key (a leaked or brute-forced key
/// is slowed on its own). Defaults are generous: they stop abuse, not shops on a busy day.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Targeting:RateLimits";

    public RateLimit Visitor { get; set; } = new() { PermitLimit = 20_000 };
    public RateLimit Admin { get; set; } = new() { PermitLimit = 1_000 };
}

/// <summary>The framework's rate limiter (Microsoft.AspNetCore.RateLimiting) with the two policies and a 429 problem with Retry-After.</summary>
public static class RateLimits
{
    public const string Visitor = "visitor";
    public const string Admin = "admin";

    public static IServiceCollection AddTargetingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Visitor, http => Partition("account:" + (http.GetRouteValue("accountId") as string ?? ""), options.Visitor));
            limiter.AddPolicy(Admin, http => Partition(KeyPartition(http), options.Admin));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                await Problems.TooManyRequests(
                    $"Too many requests for this {(context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Admin ? "key" : "account")}; "
                    + $"retry after {Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s (Retry-After).", retryAfter)
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    private static RateLimitPartition<string> Partition(string key, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = limit.Window,
            QueueLimit = 0,
        });

    // A hash, so the limiter's partition table never holds a key; requests without a key share one partition.
    private static string KeyPartition(HttpContext http) => Bearer.From(http.Request) is { } key
        ? "key:" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))
        : "no-key";
}
