using Azure;
using Azure.Data.Tables;

namespace Targeting.ClusterTests;

public sealed class AzuriteTests
{
    [Fact]
    public async Task Azurite_starts_on_a_free_loopback_port_and_round_trips_a_table_entity()
    {
        var azurite = new AzuriteFixture();
        await using var _ = Lifetime(azurite);

        await azurite.StartAsync();

        Assert.StartsWith($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;", azurite.ConnectionString);
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;", azurite.ConnectionString);
        var table = azurite.CreateTableServiceClient().GetTableClient("smoke");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("session-1", "state") { ["Events"] = 3 });

        var read = await table.GetEntityAsync<TableEntity>("session-1", "state");

        Assert.Equal(3, read.Value.GetInt32("Events"));
    }

    [Fact]
    public async Task In_memory_Azurite_forgets_everything_when_stopped()
    {
        var azurite = new AzuriteFixture();
        await using var _ = Lifetime(azurite);
        await azurite.StartAsync();
        await azurite.CreateTableServiceClient().CreateTableIfNotExistsAsync("gone");

        await azurite.StopAsync();
        Assert.False(azurite.IsRunning);
        await azurite.StartAsync();

        var tables = azurite.CreateTableServiceClient().QueryAsync(t => t.Name == "gone");
        Assert.Empty(await ToListAsync(tables));
    }

    [Fact]
    public async Task Durable_Azurite_keeps_acknowledged_writes_across_a_graceful_outage()
    {
        var azurite = new AzuriteFixture(durable: true);
        await using var _ = Lifetime(azurite);
        await azurite.StartAsync();
        var noRetries = new TableClientOptions { Retry = { MaxRetries = 0 } };
        var table = azurite.CreateTableServiceClient(noRetries).GetTableClient("outage");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Value"] = "before" });

        await azurite.StopAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => table.GetEntityAsync<TableEntity>("p", "r"));
        await azurite.StartAsync();

        var read = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal("before", read.Value.GetString("Value"));
    }

    private static AsyncDisposable Lifetime(IAsyncLifetime fixture) => new(fixture.DisposeAsync);

    private static async Task<List<T>> ToListAsync<T>(AsyncPageable<T> pageable)
        where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in pageable)
            list.Add(item);
        return list;
    }

    private sealed class AsyncDisposable(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
