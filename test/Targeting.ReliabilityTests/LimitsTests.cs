using System.Net;
using System.Text;
using Targeting.ReliabilityTests.Infrastructure;

namespace Targeting.ReliabilityTests;

/// <summary>Size and count limits answer 413 or 400 problem details that name the limit (and the field).</summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private readonly TestGateway _gateway = new(new Dictionary<string, string?>
    {
        ["Targeting:Sse:MaxConnectionsPerSession"] = "3",
        ["Targeting:Limits:MaxLibraryObjectsPerKind"] = "30", // 1,000 by default; the same code path, fewer PUTs
    });
    private Account _account = null!;

    public async Task InitializeAsync() => _account = await _gateway.Api().CreateAccountAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_256_KiB_is_413_naming_the_limit_whether_or_not_its_length_is_declared(bool declared)
    {
        var session = await _account.StartSessionAsync();
        var before = (await session.DecisionAsync()).ToJsonString();
        var huge = Encoding.UTF8.GetBytes("{\"events\":[{\"type\":\"visitorError\",\"message\":\"" + new string('x', 300 * 1024) + "\"}]}");
        using var request = new HttpRequestMessage(HttpMethod.Post, session.Path + "/events")
        {
            Content = declared ? new ByteArrayContent(huge) : new StreamContent(new NoLengthStream(huge)),
        };
        request.Content.Headers.ContentType = new("application/json");
        var response = await _account.Api.Http.SendAsync(request);
        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("262144 bytes", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, (await session.DecisionAsync()).ToJsonString());
    }

    [Fact]
    public async Task A_batch_that_would_grow_the_session_past_its_storage_budget_is_422_applies_nothing_and_the_session_goes_on()
    {
        var account = await _gateway.Api().CreateAccountAsync();
        await account.ErrorCountingLibraryAsync();
        var session = await account.StartSessionAsync();
        // Stored JSON escapes non-ASCII: each 'é' takes 6 bytes, so 20 distinct 2,000-character messages are ~240 KB.
        object[] Errors(string batch) => Enumerable.Range(0, 20)
            .Select(i => (object)new { type = "visitorError", id = $"{batch}{i}", message = $"{batch}{i}" + new string('é', 2000) })
            .Append(new { type = "visitorError", id = $"{batch}-boom", message = "boom" }).ToArray();
        await session.SendOkAsync(Errors("a"));
        var second = await session.SendOkAsync(Errors("b"));

        var refused = await session.PostEventsAsync(Errors("c"));
        var problem = await refused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("640 KiB", problem["detail"]!.GetValue<string>());
        Assert.Null(refused.Headers.RetryAfter);
        Assert.Equal(second.ToJsonString(), (await session.DecisionAsync()).ToJsonString());
        Assert.Equal(2, await session.BoomCountAsync());

        // The same batch again is refused the same way (not an outage to retry), and the session still takes small events.
        await (await session.PostEventsAsync(Errors("c"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        await session.SendOkAsync(Session.Boom("small"));
        Assert.Equal(3, await session.BoomCountAsync());
    }

    [Fact]
    public async Task More_than_100_events_is_400_at_events()
    {
        var session = await _account.StartSessionAsync();
        var events = Enumerable.Range(0, 101).Select(i => (object)new { type = "visitorError", message = "boom", id = $"e{i}" }).ToArray();
        var problem = await (await session.PostEventsAsync(events)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("events", problem["errors"]!.AsObject().Select(p => p.Key));
        await session.SendOkAsync([.. events.Take(100)]);
    }

    public static TheoryData<string, object, string> OversizedEvents() => new()
    {
        { "url", new { type = "pageView", url = "https://shop.example/" + new string('a', 2100) }, "events[1].url" },
        { "title", new { type = "pageView", url = "https://shop.example/", title = new string('t', 600) }, "events[1].title" },
        { "sections", new { type = "pageView", url = "https://shop.example/", sections = Enumerable.Range(0, 21).Select(i => $"s{i}").ToArray() }, "events[1].sections" },
        { "products", new { type = "cartUpdate", total = 1, products = Enumerable.Range(0, 201).Select(i => new { name = "p", sku = $"s{i}", category = "c", price = 1, quantity = 1 }).ToArray() }, "events[1].products" },
        { "error message", new { type = "visitorError", message = new string('m', 2100) }, "events[1].message" },
    };

    [Theory]
    [MemberData(nameof(OversizedEvents))]
    public async Task Oversized_strings_and_lists_in_events_are_400_at_their_path_and_nothing_of_the_batch_applies(string what, object oversized, string path)
    {
        var session = await _account.StartSessionAsync();
        var before = (await session.DecisionAsync()).ToJsonString();
        var response = await session.PostEventsAsync(new { type = "visitorError", message = "boom" }, oversized);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Any(p => p.Key.StartsWith(path, StringComparison.Ordinal)), $"{what}: {problem.ToJsonString()}");
        Assert.Equal(before, (await session.DecisionAsync()).ToJsonString());
    }

    [Fact]
    public async Task An_oversized_library_name_is_400_at_name()
    {
        var response = await _account.Api.SendAsync(HttpMethod.Put, $"{_account.Path}/entry-points/big",
            new { name = new string('n', 201), matchers = new[] { new { kind = "section", value = "x" } } }, _account.AdminKey);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("name", problem["errors"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task One_object_more_than_the_limit_per_kind_is_400_naming_the_limit_and_replacing_one_still_works()
    {
        var account = await _gateway.Api().CreateAccountAsync();
        for (var i = 0; i < 30; i++)
            await account.PutOkAsync("entry-points", $"ep-{i:D4}", new { name = "e", matchers = new[] { new { kind = "section", value = "s" } } });

        var response = await account.Api.SendAsync(HttpMethod.Put, $"{account.Path}/entry-points/one-too-many",
            new { name = "e", matchers = new[] { new { kind = "section", value = "s" } } }, account.AdminKey);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("30 objects", problem["errors"]!["id"]![0]!.GetValue<string>());
        await (await account.Api.SendAsync(HttpMethod.Get, $"{account.Path}/entry-points/one-too-many", key: account.AdminKey)).ReadProblemAsync(HttpStatusCode.NotFound);

        await account.PutOkAsync("entry-points", "ep-0000", new { name = "replaced", matchers = new[] { new { kind = "section", value = "s" } } });
        await account.PutOkAsync("flows", "another-kind", new
        {
            name = "f",
            steps = new[] { new { matcher = new { kind = "section", value = "a" }, required = true }, new { matcher = new { kind = "section", value = "b" }, required = true } },
        });
    }

    [Fact]
    public async Task A_library_that_would_outgrow_one_storage_row_is_400_naming_the_limit()
    {
        var account = await _gateway.Api().CreateAccountAsync();
        var matchers = Enumerable.Range(0, 50).Select(i => new { kind = "url", @operator = "contains", value = $"/{i}/" + new string('p', 2000) }).ToArray();
        var refused = 0;
        for (var i = 0; i < 12 && refused == 0; i++)
        {
            var response = await account.Api.SendAsync(HttpMethod.Put, $"{account.Path}/entry-points/big-{i}", new { name = "big", matchers }, account.AdminKey);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
                Assert.Contains("KiB", problem["errors"]!["id"]![0]!.GetValue<string>());
                refused++;
            }
            else
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }
        }
        Assert.Equal(1, refused);
    }

    [Fact]
    public async Task A_session_holds_at_most_the_configured_number_of_decision_streams_per_gateway()
    {
        var session = await _account.StartSessionAsync();
        var http = _account.Api.Http;
        var open = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            var stream = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, session.Path + "/decisions"), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            open.Add(stream);
        }
        var refused = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, session.Path + "/decisions"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode); // before reading: an accepted stream never ends
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("3 open decision streams", problem["detail"]!.GetValue<string>());

        // Another session is not affected; closing a stream frees its slot.
        var other = await _account.StartSessionAsync();
        using (var ok = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, other.Path + "/decisions"), HttpCompletionOption.ResponseHeadersRead))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        open[0].Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var retry = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, session.Path + "/decisions"), HttpCompletionOption.ResponseHeadersRead);
            if (retry.StatusCode == HttpStatusCode.OK) break;
            Assert.True(DateTime.UtcNow < deadline, "a closed stream frees its slot");
            await Task.Delay(100);
        }
        foreach (var stream in open) stream.Dispose();
    }

    /// <summary>A body without a declared length (sent chunked).</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>Rate limits, partitioned by account for visitors and by key for admins: 429 problem with Retry-After.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly TestGateway _gateway = new(new Dictionary<string, string?>
    {
        ["Targeting:RateLimits:Visitor:PermitLimit"] = "5",
        ["Targeting:RateLimits:Visitor:Window"] = "00:01:00",
        ["Targeting:RateLimits:Admin:PermitLimit"] = "5",
        ["Targeting:RateLimits:Admin:Window"] = "00:01:00",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Visitor_traffic_is_limited_per_account()
    {
        var api = _gateway.Api();
        var busy = await api.CreateAccountAsync();
        var quiet = await api.CreateAccountAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(HttpMethod.Post, $"{busy.Path}/sessions", new { source = "web" })).StatusCode);

        var refused = await api.SendAsync(HttpMethod.Post, $"{busy.Path}/sessions", new { source = "web" });
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
        Assert.Contains("account", problem["detail"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(HttpMethod.Post, $"{quiet.Path}/sessions", new { source = "web" })).StatusCode);
    }

    [Fact]
    public async Task Admin_traffic_is_limited_per_key()
    {
        var api = _gateway.Api();
        var first = await api.CreateAccountAsync("rl-first");
        var second = await api.CreateAccountAsync("rl-second");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, $"{first.Path}/flows", key: first.AdminKey)).StatusCode);

        var refused = await api.SendAsync(HttpMethod.Get, $"{first.Path}/flows", key: first.AdminKey);
        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);

        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, $"{second.Path}/flows", key: second.AdminKey)).StatusCode);
    }
}
