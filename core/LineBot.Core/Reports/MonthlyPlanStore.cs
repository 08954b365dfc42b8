using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using LineBot.Storage;

namespace LineBot.Reports;

/// <summary>A reporter's plan for one month (แผนการปฏิบัติงานประจำเดือน): the planned items, as sent.</summary>
internal sealed record MonthlyPlan(string ReporterId, int Year, int Month, IReadOnlyList<string> Items)
{
    public string? ReporterName { get; init; }
    public string? MessageId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public int Version { get; init; } = 1;
}

/// <summary>
/// Monthly plans: partition = month (yyyy-MM), so the monthly job reads one partition. Row <c>reporter</c> is the
/// current plan; a re-send replaces it and the previous one stays as row <c>reporter|v0001</c>, …
/// </summary>
internal sealed class MonthlyPlanStore(StorageClients storage, StorageNames names)
{
    private const string VersionSeparator = "|v";

    /// <summary>Stores a plan as the current one for its month; returns it with its version number.</summary>
    public async Task<MonthlyPlan> SaveAsync(MonthlyPlan plan, CancellationToken ct)
    {
        var table = await storage.TableAsync(names.PlansTable, ct);
        var partition = Month(plan.Year, plan.Month);
        var key = TableKeys.Escape(plan.ReporterId);
        var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: ct);
        var version = 1;
        var batch = new List<TableTransactionAction>();
        if (current.HasValue)
        {
            var previous = current.Value!;
            version = (previous.GetInt32("Version") ?? 1) + 1;
            var kept = new TableEntity(previous) { RowKey = key + VersionSeparator + (version - 1).ToString("0000", CultureInfo.InvariantCulture) };
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, kept));
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(partition, key, plan with { Version = version }), previous.ETag));
        }
        else
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partition, key, plan)));
        }

        // One batch: the old version is kept exactly when the new one replaces it (the ETag guards a concurrent re-send).
        await table.SubmitTransactionAsync(batch, ct);
        return plan with { Version = version };
    }

    public async Task<MonthlyPlan?> GetAsync(string reporterId, int year, int month, CancellationToken ct)
    {
        var table = await storage.TableAsync(names.PlansTable, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Month(year, month), TableKeys.Escape(reporterId), cancellationToken: ct);
        return row.HasValue ? ToPlan(row.Value!) : null;
    }

    /// <summary>Every current plan of a month (versions left out).</summary>
    public async Task<IReadOnlyList<MonthlyPlan>> ListMonthAsync(int year, int month, CancellationToken ct)
    {
        var table = await storage.TableAsync(names.PlansTable, ct);
        var partition = Month(year, month);
        var plans = new List<MonthlyPlan>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
        {
            if (!row.RowKey.Contains(VersionSeparator, StringComparison.Ordinal))
            {
                plans.Add(ToPlan(row));
            }
        }

        return plans;
    }

    /// <summary>Earlier versions of a reporter's plan for a month, oldest first.</summary>
    public async Task<IReadOnlyList<MonthlyPlan>> VersionsAsync(string reporterId, int year, int month, CancellationToken ct)
    {
        var table = await storage.TableAsync(names.PlansTable, ct);
        var partition = Month(year, month);
        var from = TableKeys.Escape(reporterId) + VersionSeparator;
        var to = from + "~";
        var plans = new List<MonthlyPlan>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {from} and RowKey lt {to}"), cancellationToken: ct))
        {
            plans.Add(ToPlan(row));
        }

        return [.. plans.OrderBy(p => p.Version)];
    }

    private static string Month(int year, int month) => $"{year:0000}-{month:00}";

    private static TableEntity ToEntity(string partition, string key, MonthlyPlan plan) => new(partition, key)
    {
        ["ReporterId"] = plan.ReporterId,
        ["ReporterName"] = plan.ReporterName,
        ["Year"] = plan.Year,
        ["Month"] = plan.Month,
        ["Items"] = JsonSerializer.Serialize(plan.Items, MonthlyPlanJsonContext.Default.IReadOnlyListString),
        ["MessageId"] = plan.MessageId,
        ["ReceivedAt"] = plan.ReceivedAt,
        ["Version"] = plan.Version,
    };

    private static MonthlyPlan ToPlan(TableEntity row) => new(
        row.GetString("ReporterId") ?? "",
        row.GetInt32("Year") ?? 0,
        row.GetInt32("Month") ?? 0,
        row.GetString("Items") is { Length: > 0 } json ? JsonSerializer.Deserialize(json, MonthlyPlanJsonContext.Default.IReadOnlyListString) ?? [] : [])
    {
        ReporterName = row.GetString("ReporterName"),
        MessageId = row.GetString("MessageId"),
        ReceivedAt = row.GetDateTimeOffset("ReceivedAt") ?? default,
        Version = row.GetInt32("Version") ?? 1,
    };
}
