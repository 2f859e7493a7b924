using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Storage;

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
        BadHttpRequestException { InnerException: JsonException json } => Malformed(json),
        BadHttpRequestException { InnerException: NotSupportedException unsupported } => Malformed(unsupported),
        BadHttpRequestException bad => (bad.StatusCode, Title(bad.StatusCode), bad.Message, null),
        JsonException json => Malformed(json),
        NotSupportedException { Source: "System.Text.Json" } unsupported => Malformed(unsupported),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            or InconsistentStateException or OrleansException => (StatusCodes.Status503ServiceUnavailable,
                "Service unavailable", "The cluster could not answer in time; retry after the delay in Retry-After.", null),
        _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server failed to handle the request; it has been logged.", null),
    };

    private static (int, string, string, IDictionary<string, string[]>?) Malformed(JsonException json)
    {
        var path = JsonPaths.Relative(json.Path);
        var message = JsonPaths.Describe(json.Message);
        return (StatusCodes.Status400BadRequest, "The request body is not valid",
            $"Fix the JSON at '{path}': {message}", new Dictionary<string, string[]> { [path] = [message] });
    }

    private static (int, string, string, IDictionary<string, string[]>?) Malformed(NotSupportedException unsupported)
    {
        var (path, message) = JsonPaths.FromMessage(unsupported.Message);
        return (StatusCodes.Status400BadRequest, "The request body is not valid",
            $"Fix the JSON at '{path}': {message}", new Dictionary<string, string[]> { [path] = [message] });
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        _ => "Bad request",
    };
}

/// <summary>System.Text.Json reports "$.conditions[1].min"; the API's errors use "conditions[1].min".</summary>
internal static class JsonPaths
{
    public static string Relative(string? path) => path switch
    {
        null or "" or "$" => "$",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };

    // Drops the " Path: … | LineNumber: …" tail and CLR type names: the sender needs the field, not our types.
    public static string Describe(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message;
        if (text.Contains("could not be converted to", StringComparison.Ordinal))
            return "The value has the wrong type or is not one of the allowed values.";
        if (text.Contains("type discriminator", StringComparison.OrdinalIgnoreCase))
            return "Unknown or misplaced 'type'.";
        return text;
    }

    public static (string Path, string Message) FromMessage(string message)
    {
        var at = message.IndexOf("Path: ", StringComparison.Ordinal);
        var path = at >= 0 ? message[(at + 6)..].Split(' ', '|')[0].TrimEnd('.') : "$";
        var text = message.Contains("abstract", StringComparison.OrdinalIgnoreCase) || message.Contains("interface", StringComparison.OrdinalIgnoreCase)
            ? "A 'type' property is required here."
            : Describe(message);
        return (Relative(path), text);
    }
}
