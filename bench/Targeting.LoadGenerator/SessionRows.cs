using System.Text;
using Azure.Data.Tables;

namespace Targeting.LoadGenerator;

/// <summary>
/// The session state rows the gateway wrote to Azure Table storage, read back after its run: their
/// payload sizes, and the median one as the template the bare upsert loop writes (same properties,
/// same types, same bytes), so that loop stores exactly what a session stores.
/// </summary>
public static class SessionRows
{
    /// <summary>Orleans' AzureTableStorageOptions.TableName default (the gateway does not change it).</summary>
    public const string GrainStateTable = "OrleansGrainState";

    private static readonly HashSet<string> Keys = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];

    public static async Task<TableEntity> ReadTemplateAsync(string connectionString, Figures figures)
    {
        var table = new TableClient(connectionString, GrainStateTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
            rows.Add(row);
        foreach (var group in rows.GroupBy(r => r.RowKey).OrderBy(g => g.Key))
            Console.WriteLine($"# {GrainStateTable} rows with RowKey {group.Key}: {group.Count()}, e.g. PartitionKey {group.First().PartitionKey}");

        var sessions = rows.Where(IsSession).OrderBy(PayloadBytes).ToList();
        if (sessions.Count == 0) throw new InvalidOperationException($"No session row found in {GrainStateTable} ({rows.Count} rows).");
        var sizes = sessions.Select(PayloadBytes).ToList();
        var template = sessions[sessions.Count / 2];
        figures.Add("session rows read back", sessions.Count);
        figures.Add("session row payload bytes min", sizes[0]);
        figures.Add("session row payload bytes median", sizes[sizes.Count / 2]);
        figures.Add("session row payload bytes p90", sizes[sizes.Count * 9 / 10]);
        figures.Add("session row payload bytes max", sizes[^1]);
        figures.Add("session row properties", string.Join(' ', Payload(template).Select(p => $"{p.Key}:{p.Value?.GetType().Name}:{Bytes(p.Value)}")));
        return template;
    }

    /// <summary>A row like <paramref name="template"/> (same payload), keyed for another session.</summary>
    public static TableEntity Like(TableEntity template, string partitionKey)
    {
        var entity = new TableEntity(partitionKey, template.RowKey);
        foreach (var (name, value) in Payload(template)) entity[name] = value;
        return entity;
    }

    // The grain id (in the partition key) names the grain type: session/..., account/...
    private static bool IsSession(TableEntity row) =>
        row.PartitionKey.Contains("session", StringComparison.OrdinalIgnoreCase) || row.RowKey.Contains("session", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<KeyValuePair<string, object>> Payload(TableEntity row) => row.Where(p => !Keys.Contains(p.Key));

    private static long PayloadBytes(TableEntity row) => Payload(row).Sum(p => Bytes(p.Value));

    private static long Bytes(object? value) => value switch
    {
        string s => Encoding.UTF8.GetByteCount(s),
        byte[] b => b.Length,
        BinaryData d => d.ToMemory().Length,
        null => 0,
        _ => 8,
    };
}
