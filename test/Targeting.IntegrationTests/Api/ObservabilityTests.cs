using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Targeting.IntegrationTests.Infrastructure;
using Targeting.Telemetry;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

[Collection(GatewayCollection.Name)]
public sealed class ObservabilityTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private TargetingClient Api => fixture.Api;

    [Fact]
    public async Task The_dashboard_is_for_operators_only()
    {
        var anonymous = await Api.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var account = await Api.CreateAccountAsync();
        var withAdminKey = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        withAdminKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AdminKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Http.SendAsync(withAdminKey)).StatusCode);

        // The way a browser signs in: HTTP Basic with the operator key as the password, on every page it loads.
        using var browser = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + GatewayFactory.OperatorKey)));
        var page = await browser.GetAsync("/dashboard");
        if (page.Headers.Location is { } location) page = await browser.GetAsync(location);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.StatusCode} {page.Headers} {await page.Content.ReadAsStringAsync()}");
        Assert.Contains("html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sessions_report_events_decisions_latency_activity_streams_and_timer_lateness()
    {
        using var recorded = new RecordedMetrics();
        var account = await Api.CreateAccountAsync();
        await account.EntryPointAsync("pdp", Url("contains", "/product/"));
        await account.BehaviorAsync("dwell", new { type = "timeOnEntryPoint", entryPointIds = new[] { "pdp" }, seconds = 1 });
        await account.CampaignAsync("help", Web("help", "dwell"));
        var session = await account.StartSessionAsync();
        await using var stream = await session.OpenStreamAsync();
        await stream.NextAsync(Wait);

        await session.SendAsync(Page("/product/1"), Page("/product/2"));
        var pushed = await stream.NextAsync(Wait); // the dwell timer fires and pushes
        Assert.True(pushed.Decision.Offers("help"));

        Assert.True(recorded.Sum("targeting.events.applied") >= 2);
        Assert.True(recorded.Sum("targeting.decisions.pushed") >= 1);
        Assert.True(recorded.Count("targeting.decision.latency") >= 1);
        Assert.True(recorded.Count("targeting.timer.lateness") >= 1);
        Assert.True(recorded.Sum("targeting.sessions.active") >= 1);
        Assert.True(recorded.Sum("targeting.sse.connections") >= 1);
    }

    /// <summary>Listens to the Targeting meter the way an OpenTelemetry exporter would.</summary>
    private sealed class RecordedMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, (double Sum, int Count)> _values = new();

        public RecordedMetrics()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TargetingMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((i, value, _, _) => Record(i.Name, value));
            _listener.SetMeasurementEventCallback<double>((i, value, _, _) => Record(i.Name, value));
            _listener.Start();
        }

        private void Record(string name, double value) => _values.AddOrUpdate(name, (value, 1), (_, v) => (v.Sum + value, v.Count + 1));

        public double Sum(string name) => _values.TryGetValue(name, out var v) ? v.Sum : 0;
        public int Count(string name) => _values.TryGetValue(name, out var v) ? v.Count : 0;

        public void Dispose() => _listener.Dispose();
    }
}
