using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Targeting.Gateway.Tag;

/// <summary>
/// A file compiled into the gateway assembly (see the EmbeddedResource items of the project), so the
/// tag and the demo are served the same way whatever the working directory of the process is.
/// Kept in memory as is and gzipped: the tag is on every page of every site that uses it.
/// </summary>
public sealed record EmbeddedAsset(string Name, byte[] Content, byte[] Gzipped, string ContentType, string Hash)
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
        return new EmbeddedAsset(name, content, Gzip(content), ContentTypeOf(name),
            Convert.ToHexStringLower(SHA256.HashData(content))[..16]);
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
        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=300";
        headers.Vary = "Accept-Encoding";
        var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip) return TypedResults.Bytes(Content, ContentType, entityTag: new EntityTagHeaderValue($"\"{Hash}\""));
        headers.ContentEncoding = "gzip";
        return TypedResults.Bytes(Gzipped, ContentType, entityTag: new EntityTagHeaderValue($"\"{Hash}-gz\""));
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
            gzip.Write(content);
        return output.ToArray();
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
