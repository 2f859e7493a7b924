using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Targeting.IntegrationTests.Infrastructure;
using static Targeting.IntegrationTests.Infrastructure.Ev;

namespace Targeting.IntegrationTests.Api;

public sealed class LogScopeTests
{
    [Fact]
    public async Task Log_lines_of_a_session_request_carry_the_account_and_session_ids_and_no_key()
    {
        var capture = new CapturingLoggerProvider();
        await using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Debug",
        });
        await using var withCapture = gateway.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture)));
        var api = new TargetingClient(withCapture.CreateClient());
        var account = await api.CreateAccountAsync();
        var session = await account.StartSessionAsync();
        await session.SendAsync(Page("/home"));

        var sessionLines = capture.Lines.Where(l => l.Scopes.Contains($"SessionId={session.Id}")).ToArray();
        Assert.NotEmpty(sessionLines);
        Assert.All(sessionLines, l => Assert.Contains($"AccountId={account.Id}", l.Scopes));
        Assert.DoesNotContain(capture.Lines, l => l.Text.Contains(account.AdminKey) || l.Scopes.Contains(account.AdminKey));
    }

    private sealed record Line(string Text, string Scopes);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConcurrentQueue<Line> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                provider._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                    else
                        list.Add(scope?.ToString() ?? "");
                }, scopes);
                provider.Lines.Enqueue(new Line(formatter(state, exception), string.Join(";", scopes)));
            }
        }
    }
}
