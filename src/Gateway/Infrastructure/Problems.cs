using Targeting.Rules.Validation;

namespace Targeting.Gateway.Infrastructure;

/// <summary>The API's problem details (RFC 9457), so every error says what went wrong and what to do.</summary>
public static class Problems
{
    public static IResult Validation(IReadOnlyCollection<ValidationError> errors)
    {
        var unsupported = ValidationErrors.AllUnsupported(errors);
        return TypedResults.Problem(new HttpValidationProblemDetails(ValidationErrors.ToDictionary(errors))
        {
            Status = unsupported ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
            Title = unsupported ? "Not supported for this source" : "The request is not valid",
            Detail = unsupported
                ? "A mobile engagement cannot use a web-only condition or a url/title matcher; see errors for what to change."
                : "Fix the fields listed in errors and send the request again.",
        });
    }

    public static IResult Field(string path, string message) =>
        Validation([new ValidationError(path, message)]);

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    public static IResult Unauthorized(string detail) => new UnauthorizedProblem(detail);

    public static IResult Unavailable(string detail) => new UnavailableProblem(detail);

    public static IResult TooManyRequests(string detail, TimeSpan retryAfter) => new TooManyRequestsProblem(detail, retryAfter);

    public static IResult SessionFull(string detail) =>
        TypedResults.Problem(title: "Session state too large", detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult TooLarge(string detail) =>
        TypedResults.Problem(title: "Request body too large", detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge);

    private sealed class UnauthorizedProblem(string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(title: "Unauthorized", detail: detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(http);
        }
    }

    private sealed class TooManyRequestsProblem(string detail, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Too many requests", detail: detail, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        }
    }

    private sealed class UnavailableProblem(string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(title: "Service unavailable", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
        }
    }
}
