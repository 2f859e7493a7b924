using System.Diagnostics;
using Azure.Data.Tables;

namespace Targeting.LoadGenerator;

/// <summary>
/// Does Azurite's cost per upsert depend on how many rows the table holds (<c>--durable --table-size</c>)?
/// One client, one upsert at a time (no queueing), of a 1,465-byte row (the full run's median session
/// row) replacing existing rows of a table pre-filled with N rows; Azurite's CPU and the wall time per upsert.
/// </summary>
public static class TableSizeProbe
{
    private const int Upserts = 400;

    public static async Task RunAsync(Figures figures)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        var data = new byte[1_465];
        new Random(1).NextBytes(data);
        TableEntity Row(int key) => new($"bench_session_bench_{key}", "session") { ["Data"] = data };

        foreach (var rows in new[] { 0, 2_000, 10_000 })
        {
            var table = service.GetTableClient($"Rows{rows}");
            await table.CreateIfNotExistsAsync();
            for (var i = 0; i < rows; i += 100)
                await table.SubmitTransactionAsync(Enumerable.Range(i, 100).Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(k))));
            for (var w = 0; w < 50; w++) await table.UpsertEntityAsync(Row(rows + w)); // warm-up

            var cpu = azurite.CpuTime;
            var wall = Stopwatch.StartNew();
            for (var u = 0; u < Upserts; u++)
                await table.UpsertEntityAsync(Row(rows == 0 ? u : u * 7 % rows), TableUpdateMode.Replace);
            figures.Add($"table-size {rows} rows: ms per upsert (one at a time)", Math.Round(wall.Elapsed.TotalMilliseconds / Upserts, 2));
            figures.Add($"table-size {rows} rows: azurite cpu ms per upsert", Math.Round((azurite.CpuTime - cpu).TotalMilliseconds / Upserts, 2));
        }
    }
}
