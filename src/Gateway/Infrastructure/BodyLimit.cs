using Microsoft.AspNetCore.Http.Features;

namespace Targeting.Gateway.Infrastructure;

/// <summary>
/// Caps every request body (<c>Targeting:Limits:MaxRequestBodyBytes</c>, 256 KiB by default: a full
/// batch of 100 events or the largest valid library object fits with room to spare). Checked
/// before any endpoint reads a byte: a declared Content-Length over the cap is refused at once;
/// a chunked body is buffered up to the cap and refused as soon as it passes it. Either way the
/// answer is 413 problem details naming the limit, never a half-read body.
/// </summary>
public sealed class BodyLimit(RequestDelegate next, IConfiguration configuration)
{
    public const int DefaultMaxBytes = 256 * 1024;
    private readonly long _max = configuration.GetValue("Targeting:Limits:MaxRequestBodyBytes", DefaultMaxBytes);

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength is { } declared)
        {
            if (declared > _max)
            {
                await TooLarge(http);
                return;
            }
        }
        else if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                 ?? (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > _max)
                {
                    await TooLarge(http);
                    return;
                }
                buffer.Write(chunk, 0, read);
            }
            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }
        await next(http);
    }

    private Task TooLarge(HttpContext http) =>
        Problems.TooLarge($"The request body is larger than {_max} bytes (Targeting:Limits:MaxRequestBodyBytes), the most this API accepts; "
            + "send fewer events per batch or a smaller object.").ExecuteAsync(http);
}
