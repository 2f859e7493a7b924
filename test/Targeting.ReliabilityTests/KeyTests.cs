using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Targeting.ReliabilityTests.Infrastructure;

namespace Targeting.ReliabilityTests;

/// <summary>Keys are stored only as hashes, never logged, and a rotated key stops working at once.</summary>
public sealed class KeyTests : IAsyncLifetime
{
    private readonly StorageProbe _probe = new();
    private readonly CapturedLogs _logs = new();
    private readonly TestGateway _gateway;

    public KeyTests() => _gateway = new TestGateway(
        new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Orleans"] = "Debug", ["Logging:LogLevel:Microsoft"] = "Debug" },
        services =>
        {
            StorageProbe.Decorate(services, _probe);
            services.AddSingleton<ILoggerProvider>(_logs);
        });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Keys_never_reach_the_logs_or_storage_and_rotation_retires_the_old_key_at_once()
    {
        var api = _gateway.Api();
        var account = await api.CreateAccountAsync();
        var first = account.AdminKey;
        await account.PutOkAsync("entry-points", "ep", new { name = "ep", matchers = new[] { new { kind = "section", value = "x" } } });

        var rotated = await (await api.SendAsync(HttpMethod.Post, $"{account.Path}/admin-keys", key: first)).ReadJsonAsync(HttpStatusCode.Created);
        var second = rotated["adminKey"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        await (await api.SendAsync(HttpMethod.Get, $"{account.Path}/entry-points", key: first)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.SendAsync(HttpMethod.Get, $"{account.Path}/entry-points", key: second)).ReadJsonAsync(HttpStatusCode.OK);
        await (await api.SendAsync(HttpMethod.Post, $"{account.Path}/admin-keys", key: first)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var wrong = account.Id + ".WrongSecretWrongSecretWrongSecretWrongSec";
        await (await api.SendAsync(HttpMethod.Get, $"{account.Path}/entry-points", key: wrong)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.SendAsync(HttpMethod.Post, "/v1/accounts", new { id = "x-" + account.Id, name = "x" }, wrong)).ReadProblemAsync(HttpStatusCode.Unauthorized);

        string[] secrets = [first, second, Secret(first), Secret(second), wrong, TestGateway.OperatorKey];
        Assert.NotEmpty(_logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(_logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_probe.WrittenPayloads, payload => payload.Contains(secret, StringComparison.Ordinal));
        }
        Assert.Contains(_probe.WrittenPayloads, payload => payload.Contains("adminKeyHash", StringComparison.OrdinalIgnoreCase));
    }

    private static string Secret(string key) => key[(key.IndexOf('.') + 1)..];

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                owner.Lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
