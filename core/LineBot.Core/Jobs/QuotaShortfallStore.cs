using Azure.Data.Tables;
using LineBot.Storage;

namespace LineBot.Jobs;

/// <summary>A group push a job skipped because the month's quota could not cover it.</summary>
internal sealed record QuotaShortfall(string Job, string GroupId, DateTimeOffset At, string LogicalKey);

/// <summary>
/// Skipped group pushes, one row per logical key (a rerun overwrites), partitioned by month (yyyy-MM) so that
/// <c>/สถานะ</c> reads one small partition.
/// </summary>
internal sealed class QuotaShortfallStore(StorageClients storage, StorageNames names)
{
    public async Task RecordAsync(QuotaShortfall shortfall, CancellationToken ct)
    {
        var table = await storage.TableAsync(names.ShortfallsTable, ct);
        await table.UpsertEntityAsync(
            new TableEntity(Partition(shortfall.At), TableKeys.Escape(shortfall.LogicalKey))
            {
                ["Job"] = shortfall.Job,
                ["GroupId"] = shortfall.GroupId,
                ["At"] = shortfall.At,
                ["LogicalKey"] = shortfall.LogicalKey,
            },
            TableUpdateMode.Replace,
            ct);
    }

    /// <summary>Shortfalls recorded in the month of <paramref name="at"/> (UTC month), oldest first.</summary>
    public async Task<IReadOnlyList<QuotaShortfall>> ListMonthAsync(DateTimeOffset at, CancellationToken ct)
    {
        var table = await storage.TableAsync(names.ShortfallsTable, ct);
        var partition = Partition(at);
        var list = new List<QuotaShortfall>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
        {
            list.Add(new QuotaShortfall(row.GetString("Job") ?? "", row.GetString("GroupId") ?? "", row.GetDateTimeOffset("At") ?? default, row.GetString("LogicalKey") ?? ""));
        }

        return [.. list.OrderBy(s => s.At)];
    }

    private static string Partition(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
