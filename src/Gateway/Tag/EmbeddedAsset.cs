using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Targeting.Gateway.Tag;

/// <summary>
/// A file compiled into the gateway assembly (see the EmbeddedResource items of the project), so the
/// tag and the demo are served the same way whatever the working directory of the process is.
/// </summary>
public sealed record EmbeddedAsset(string Name, byte[] Content, string ContentType, EntityTagHeaderValue ETag)
{
    private const string Prefix = "webassets/";

    public static EmbeddedAsset Load(string name)
    {
        var assembly = typeof(EmbeddedAsset).Assembly;
        using var stream = assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"The gateway assembly has no embedded '{Prefix}{name}'.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        return new EmbeddedAsset(name, content, ContentTypeOf(name), new EntityTagHeaderValue($"\"{hash}\""));
    }

    /// <summary>Every embedded asset whose name starts with <paramref name="folder"/>, by file name.</summary>
    public static IReadOnlyDictionary<string, EmbeddedAsset> LoadFolder(string folder) =>
        typeof(EmbeddedAsset).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder + "/", StringComparison.Ordinal))
            .Select(n => Load(n[Prefix.Length..]))
            .ToDictionary(a => a.Name[(folder.Length + 1)..], StringComparer.Ordinal);

    /// <summary>Answers 304 to a matching If-None-Match; short caching so a new release reaches sites soon.</summary>
    public IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Bytes(Content, ContentType, entityTag: ETag);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };
}
