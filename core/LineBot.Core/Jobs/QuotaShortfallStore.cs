using Azure.Data.Tables;
using LineBot.Storage;

namespace LineBot.Jobs;

/// <summary>
/// A push the month's quota did not cover: a group push skipped because the quota could not cover it
/// (<see cref="NotAffordable"/>), or any push LINE refused with its monthly-limit 429 (<see cref="MonthlyLimit"/>).
/// <see cref="GroupId"/> is the recipient (a group, or an admin/officer for 1:1 pushes); <see cref="DeliveredInstead"/>
/// counts the admin/officer pushes that actually went out in its place (null: none were due).
/// </summary>
internal sealed record QuotaShortfall(string Job, string GroupId, DateTimeOffset At, string LogicalKey, string Reason = QuotaShortfall.NotAffordable, int? DeliveredInstead = null)
{
    public const string NotAffordable = "quota";
    public const string MonthlyLimit = "monthly-limit";

    public bool IsGroup => Line.LineIds.Kind(GroupId) is 'C' or 'R';
}

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
                ["Reason"] = shortfall.Reason,
                ["DeliveredInstead"] = shortfall.DeliveredInstead,
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
            list.Add(new QuotaShortfall(
                row.GetString("Job") ?? "",
                row.GetString("GroupId") ?? "",
                row.GetDateTimeOffset("At") ?? default,
                row.GetString("LogicalKey") ?? "",
                row.GetString("Reason") ?? QuotaShortfall.NotAffordable,
                row.GetInt32("DeliveredInstead")));
        }

        return [.. list.OrderBy(s => s.At)];
    }

    private static string Partition(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
