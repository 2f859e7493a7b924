using System.Text;
using Azure.Data.Tables;

namespace Targeting.LoadGenerator;

/// <summary>
/// How large a session's stored row can grow (<c>--durable --state-limit</c>): one session on the gateway
/// with Azure Table storage receives batches of 100 <c>visitorError</c> events with distinct 2,000-character
/// messages (each remembered by the session, rule 16), and after each batch its row is read back, until
/// the gateway refuses a batch or the row passes 1.2 MB. Azure Table takes at most 1 MiB per entity and
/// 64 KiB per property (Orleans splits the state over up to 15 properties), in-memory storage has no limit.
/// </summary>
public static class StateLimitProbe
{
    private const int EventsPerBatch = 100, MessageLength = 2_000, MaxBatches = 12;

    public static async Task RunAsync(Figures figures)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var target = Targets.GatewayOnAzure("gateway-azure", azurite.ConnectionString);
        await using var server = await target.Start();
        using var http = Targets.Client(server.BaseAddress);
        await target.Prepare(http);
        var table = new TableClient(azurite.ConnectionString, SessionRows.GrainStateTable);

        var started = await http.PostAsync($"/v1/accounts/{Seeder.AccountId}/sessions", Json(Journey.StartBody));
        var sessionId = Visitors.SessionIdOf(await started.Content.ReadAsStringAsync());
        var events = $"/v1/accounts/{Seeder.AccountId}/sessions/{sessionId}/events";

        long stored = 0;
        var accepted = 0;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            using var response = await http.PostAsync(events, Json(ErrorBatch(batch)));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                figures.Add("state-limit first refused batch status", (int)response.StatusCode);
                figures.Add("state-limit first refused batch body", body.ReplaceLineEndings(" "));
                await Task.Delay(500); // the gateway's warning reaches its output
                var cause = server.Output.Split('\n').FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal) && !l.Contains("Could not persist"));
                figures.Add("state-limit gateway's logged cause", cause?.Trim() ?? "(none logged)");
                break;
            }
            accepted++;
            stored = await SessionRowBytesAsync(table);
            Console.WriteLine($"# state-limit batch {batch}: {(int)response.StatusCode}, session row {stored} bytes");
        }
        figures.Add("state-limit batches accepted", accepted);
        figures.Add("state-limit distinct error messages stored", accepted * EventsPerBatch);
        figures.Add("state-limit largest stored session row bytes", stored);

        // Does the session still work for ordinary events once it is over the limit?
        using var page = await http.PostAsync(events, Json($$"""{"events":[{"id":"after-limit","type":"pageView","url":"https://shop.example/cart","title":"Cart"}]}"""));
        figures.Add("state-limit page view after that status", (int)page.StatusCode);
    }

    private static string ErrorBatch(int batch)
    {
        var json = new StringBuilder("""{"events":[""");
        for (var e = 0; e < EventsPerBatch; e++)
        {
            var n = batch * EventsPerBatch + e;
            if (e > 0) json.Append(',');
            json.Append($$"""{"id":"err-{{n}}","type":"visitorError","message":"Error {{n}} """).Append('x', MessageLength - 12).Append("\"}");
        }
        return json.Append("]}").ToString();
    }

    private static async Task<long> SessionRowBytesAsync(TableClient table)
    {
        long largest = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.RowKey == "session"))
            largest = Math.Max(largest, row.Where(p => p.Value is byte[] or string && p.Key is not ("PartitionKey" or "RowKey" or "odata.etag"))
                .Sum(p => p.Value is byte[] b ? b.Length : Encoding.UTF8.GetByteCount((string)p.Value)));
        return largest;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
