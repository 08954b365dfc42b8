using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LineBot.Storage;

namespace LineBot.Calendar;

/// <summary>One reporter's leave, both dates included.</summary>
internal sealed record LeaveEntry(string ReporterId, DateOnly From, DateOnly To)
{
    public string? ReporterName { get; init; }
    public string? Reason { get; init; }

    /// <summary>Who recorded it: the reporter's own user ID, or the admin who entered it for them.</summary>
    public string? AddedBy { get; init; }
    public DateTimeOffset? AddedAt { get; init; }

    public bool Covers(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// Per-reporter leave. Partition = the Monday of each week the leave touches (a leave over two weeks is written
/// to both), so "everyone's leave this week" — what reminders and digests need — is one partition query.
/// Row key = reporter key + first day, so re-entering the same leave overwrites it.
/// </summary>
internal sealed class LeaveStore(StorageClients storage, StorageNames names, BotClock clock)
{
    /// <summary>Longest leave accepted in one command; longer absences are a roster change, not leave.</summary>
    public const int MaxDays = 92;

    public async Task AddAsync(LeaveEntry leave, CancellationToken cancellationToken)
    {
        if (leave.To < leave.From || leave.To.DayNumber - leave.From.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(leave), $"Leave must run forwards and last at most {MaxDays} days.");
        }

        var table = await storage.TableAsync(names.LeaveTable, cancellationToken);
        var addedAt = leave.AddedAt ?? clock.UtcNow;
        foreach (var week in Weeks(leave.From, leave.To))
        {
            var entity = new TableEntity(Partition(week), RowKey(leave.ReporterId, leave.From))
            {
                ["ReporterId"] = leave.ReporterId,
                ["ReporterName"] = leave.ReporterName,
                ["From"] = Key(leave.From),
                ["To"] = Key(leave.To),
                ["Reason"] = leave.Reason,
                ["AddedBy"] = leave.AddedBy,
                ["AddedAt"] = addedAt,
            };
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Removes the leave that starts on <paramref name="from"/>; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string reporterId, DateOnly from, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.LeaveTable, cancellationToken);
        var first = await table.GetEntityIfExistsAsync<TableEntity>(Partition(WorkCalendar.WeekOf(from)), RowKey(reporterId, from), cancellationToken: cancellationToken);
        if (!first.HasValue || ToEntry(first.Value!) is not { } leave)
        {
            return false;
        }

        foreach (var week in Weeks(leave.From, leave.To))
        {
            await table.DeleteEntityAsync(Partition(week), RowKey(reporterId, from), ETag.All, cancellationToken);
        }

        return true;
    }

    /// <summary>Everyone's leave overlapping a week: one partition query.</summary>
    public async Task<IReadOnlyList<LeaveEntry>> ListForWeekAsync(ReportWeek week, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.LeaveTable, cancellationToken);
        var partition = Partition(week);
        var entries = new List<LeaveEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (ToEntry(row) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Everyone's leave overlapping a date range (a query per week; duplicates across weeks removed).</summary>
    public async Task<IReadOnlyList<LeaveEntry>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<(string, DateOnly), LeaveEntry>();
        foreach (var week in Weeks(from, to))
        {
            foreach (var entry in await ListForWeekAsync(week, cancellationToken))
            {
                if (entry.From <= to && entry.To >= from)
                {
                    seen.TryAdd((entry.ReporterId, entry.From), entry);
                }
            }
        }

        return [.. seen.Values.OrderBy(e => e.From).ThenBy(e => e.ReporterId, StringComparer.Ordinal)];
    }

    private static IEnumerable<ReportWeek> Weeks(DateOnly from, DateOnly to)
    {
        for (var week = WorkCalendar.WeekOf(from); week.Monday <= to; week = week.Next)
        {
            yield return week;
        }
    }

    private static LeaveEntry? ToEntry(TableEntity row) =>
        row.GetString("ReporterId") is { } id && TryDate(row.GetString("From"), out var from) && TryDate(row.GetString("To"), out var to)
            ? new LeaveEntry(id, from, to)
            {
                ReporterName = row.GetString("ReporterName"),
                Reason = row.GetString("Reason"),
                AddedBy = row.GetString("AddedBy"),
                AddedAt = row.GetDateTimeOffset("AddedAt"),
            }
            : null;

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Partition(ReportWeek week) => Key(week.Monday);

    private static string RowKey(string reporterId, DateOnly from) => string.Create(CultureInfo.InvariantCulture, $"{TableKeys.Escape(reporterId)}|{from:yyyyMMdd}");

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
