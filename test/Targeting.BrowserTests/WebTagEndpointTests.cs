using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Targeting.BrowserTests;

/// <summary>How the gateway serves the tag script and the demo files.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebTagEndpointTests(BrowserSuite suite)
{
    [Fact]
    public async Task The_tag_is_served_as_cacheable_javascript_any_site_may_load()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = suite.Gateway.Address,
        };

        using var plain = await http.GetAsync("/tag/v1/targeting.js");
        var script = await plain.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("text/javascript", plain.Content.Headers.ContentType!.MediaType);
        Assert.Equal("cross-origin", plain.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.StartsWith("/*! Targeting web tag v1", script);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/tag/v1/targeting.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var zipped = await http.SendAsync(request);
        Assert.Equal("gzip", zipped.Content.Headers.ContentEncoding.Single());
        await using var unzip = new GZipStream(await zipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.Equal(script, await new StreamReader(unzip).ReadToEndAsync());
        Assert.True(zipped.Content.Headers.ContentLength < plain.Content.Headers.ContentLength / 2);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/tag/v1/targeting.js");
        revalidate.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        using var notModified = await http.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("/demo/", HttpStatusCode.OK)]
    [InlineData("/demo/products/orbit-watch", HttpStatusCode.OK)]
    [InlineData("/demo/cart", HttpStatusCode.OK)]
    [InlineData("/demo/checkout", HttpStatusCode.OK)]
    [InlineData("/demo/confirmation", HttpStatusCode.OK)]
    [InlineData("/demo/error", HttpStatusCode.OK)]
    [InlineData("/demo/assets/shop.css", HttpStatusCode.OK)]
    [InlineData("/demo/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/demo/assets/index.html", HttpStatusCode.NotFound)]
    public async Task The_demo_pages_are_served(string path, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = suite.Gateway.Address };

        using var response = await http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }
}
