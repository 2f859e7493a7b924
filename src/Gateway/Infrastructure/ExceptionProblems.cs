using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Storage;
using Targeting.Rules.Validation;

namespace Targeting.Gateway.Infrastructure;

/// <summary>
/// Turns every exception into problem details: malformed bodies into 400 with the JSON path of
/// the fault, an unreachable cluster or storage into 503 with Retry-After, the rest into 500.
/// </summary>
internal sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = Describe(exception);
        if (status >= 500) logger.LogError(exception, "Request {Method} {Path} failed", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "1";
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string Title, string Detail, IDictionary<string, string[]>? Errors) Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: { } inner } when JsonBodies.ToError(inner) is { } error => Malformed(error),
        _ when JsonBodies.ToError(exception) is { } error => Malformed(error),
        BadHttpRequestException bad => (bad.StatusCode, Title(bad.StatusCode), bad.Message, null),
        _ when IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable,
            "Service unavailable", "The cluster or its storage could not answer in time; retry after the delay in Retry-After.", null),
        _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server failed to handle the request; it has been logged.", null),
    };

    // Cluster, storage and network failures pass: the client should retry, not give up (storage
    // outages surface as the Azure SDK's exceptions, possibly wrapped by Orleans).
    private static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or InconsistentStateException
                or OrleansException or Azure.RequestFailedException or HttpRequestException or OperationCanceledException)
                return true;
        }
        return false;
    }

    private static (int, string, string, IDictionary<string, string[]>?) Malformed(ValidationError error) =>
        (StatusCodes.Status400BadRequest, "The request body is not valid", $"Fix the JSON at '{error.Path}': {error.Message}",
            ValidationErrors.ToDictionary([error]));

    private static string Title(int status) => status switch
    {
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        _ => "Bad request",
    };
}
