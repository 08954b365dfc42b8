using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LineBot.Storage;

namespace LineBot.Reports;

internal enum SaveOutcome
{
    /// <summary>The first report of this reporter for this date.</summary>
    Created,

    /// <summary>A later message for the same date: now the current version; the earlier one is kept.</summary>
    Replaced,

    /// <summary>An edit of the message that created the report.</summary>
    Updated,

    /// <summary>Kept as a version, but a newer message for that date is current (it arrived out of order).</summary>
    Superseded,

    /// <summary>An edit older than one already applied: nothing changed.</summary>
    Ignored,
}

internal sealed record SaveResult(SaveOutcome Outcome, DailyReport Report);

/// <summary>
/// Daily reports in one table, partitioned by reporting week (Monday, <c>w20261123</c>), so that a week's
/// digest, a district's week or a reporter's week reads one partition, whatever the history. In a partition:
/// the current report per reporter and date (<c>20261125|reporter</c>) and every version, one per message
/// (<c>v|20261125|reporter|timestamp|messageId</c>), written together in one batch. A message index
/// (messageId → rows) serves edits and unsends. A save is at most 3 write transactions: the batch, the
/// index, and the reporter's profile (written by the caller). Reports whose date could not be understood
/// live in partition <c>undated</c> until fixed; disputed ones (<see cref="DailyReport.ClaimedName"/>) in partition
/// <c>disputed</c>, where no digest, export or day's report reads them.
/// </summary>
internal sealed class ReportStore(StorageClients storage, StorageNames names)
{
    internal const string Undated = "undated";
    internal const string Disputed = "disputed";
    private const string VersionPrefix = "v|";

    public static string WeekPartition(DateOnly date) => "w" + WeekStart(date).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Stores a report from a new message (not an edit).</summary>
    /// <param name="likelyFirstOfDay">
    /// The caller's guess that the reporter has no report for that date yet (their profile's last report is older):
    /// the write is then tried without reading the current row first, and a conflict falls back to reading it.
    /// </param>
    public async Task<SaveResult> SaveAsync(DailyReport report, long messageTimestamp, CancellationToken cancellationToken, bool likelyFirstOfDay = false)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var saved = await SaveNewAsync(table, report, messageTimestamp, null, cancellationToken, likelyFirstOfDay);
        await IndexAsync(saved.Report, messageTimestamp, null, cancellationToken);
        return saved;
    }

    /// <summary>
    /// Applies an edit of a message: re-parsed content replaces what that message created; the latest edit
    /// (largest timestamp) wins. An edit of a message we never stored is stored as a new report.
    /// </summary>
    public async Task<SaveResult> ApplyEditAsync(DailyReport report, long editTimestamp, CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(report.MessageId, cancellationToken);
        if (index is null)
        {
            return await SaveEditedAsNewAsync(report, editTimestamp, cancellationToken);
        }

        if ((index.GetInt64("EditTimestamp") ?? 0) >= editTimestamp)
        {
            var current = await GetByIndexAsync(index, cancellationToken);
            return new SaveResult(SaveOutcome.Ignored, current ?? report);
        }

        var messageTimestamp = index.GetInt64("MessageTimestamp") ?? editTimestamp;
        var before = await GetByIndexAsync(index, cancellationToken);
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        // Same reporter and date: rewrite in place. Otherwise the edit moved the report (or into or out of dispute): remove, then save anew.
        if (before is not null && before.Date == report.Date && before.ReporterId == report.ReporterId && report.Date is not null && !before.IsDisputed && !report.IsDisputed)
        {
            var saved = await SaveDatedAsync(table, report, messageTimestamp, editTimestamp, cancellationToken);
            await IndexAsync(saved.Report, messageTimestamp, editTimestamp, cancellationToken);
            return saved with { Outcome = saved.Outcome == SaveOutcome.Superseded ? SaveOutcome.Superseded : SaveOutcome.Updated };
        }

        await RemoveAsync(table, index, cancellationToken);
        var moved = await SaveNewAsync(table, report, messageTimestamp, editTimestamp, cancellationToken);
        await IndexAsync(moved.Report, messageTimestamp, editTimestamp, cancellationToken);
        return moved with { Outcome = moved.Outcome == SaveOutcome.Superseded ? SaveOutcome.Superseded : SaveOutcome.Updated };
    }

    /// <summary>
    /// LINE asks bots to delete their copy of an unsent message: its version goes; if it was current, the
    /// previous version (if any) becomes current again. Returns what was removed, or null if we had nothing.
    /// </summary>
    public async Task<DailyReport?> UnsendAsync(string messageId, CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(messageId, cancellationToken);
        if (index is null)
        {
            return null;
        }

        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var removed = await RemoveAsync(table, index, cancellationToken);
        var messages = await storage.TableAsync(names.MessagesTable, cancellationToken);
        await messages.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
        return removed;
    }

    public async Task<DailyReport?> GetAsync(string reporterId, DateOnly date, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(WeekPartition(date), CurrentKey(date, reporterId), cancellationToken: cancellationToken);
        return row.HasValue ? ReportEntityMapper.ToReport(row.Value!) : null;
    }

    /// <summary>The report a message created (current or not), or null.</summary>
    public async Task<DailyReport?> GetByMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(messageId, cancellationToken);
        return index is null ? null : await GetByIndexAsync(index, cancellationToken);
    }

    /// <summary>Every version for a reporter and date, oldest message first.</summary>
    public async Task<IReadOnlyList<DailyReport>> VersionsAsync(string reporterId, DateOnly date, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var prefix = VersionPrefix + CurrentKey(date, reporterId) + "|";
        var versions = new List<DailyReport>();
        await foreach (var row in table.QueryAsync<TableEntity>(RangeFilter(WeekPartition(date), prefix), cancellationToken: cancellationToken))
        {
            versions.Add(ReportEntityMapper.ToReport(row));
        }

        return versions;
    }

    /// <summary>
    /// Current reports of one reporting week (Monday–Sunday): one partition, one range query; optionally
    /// one group and/or one district (filtered in the same query).
    /// </summary>
    public async Task<IReadOnlyList<DailyReport>> ListWeekAsync(DateOnly anyDayOfWeek, string? groupId = null, string? district = null, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var partition = WeekPartition(anyDayOfWeek);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {VersionPrefix}");
        if (groupId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"GroupId eq {groupId}");
        }

        if (district is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"District eq {district}");
        }

        var reports = new List<DailyReport>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            reports.Add(ReportEntityMapper.ToReport(row));
        }

        return reports;
    }

    /// <summary>Current reports dated from..to inclusive (reads only the weeks in range).</summary>
    public async Task<IReadOnlyList<DailyReport>> ListRangeAsync(DateOnly from, DateOnly to, string? groupId = null, string? district = null, CancellationToken cancellationToken = default)
    {
        var reports = new List<DailyReport>();
        for (var week = WeekStart(from); week <= to; week = week.AddDays(7))
        {
            foreach (var report in await ListWeekAsync(week, groupId, district, cancellationToken))
            {
                if (report.Date is { } date && date >= from && date <= to)
                {
                    reports.Add(report);
                }
            }
        }

        return reports;
    }

    /// <summary>Reports kept with errors because their date could not be understood.</summary>
    public async Task<IReadOnlyList<DailyReport>> ListUndatedAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var reports = new List<DailyReport>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Undated}"), cancellationToken: cancellationToken))
        {
            reports.Add(ReportEntityMapper.ToReport(row));
        }

        return reports;
    }

    /// <summary>Disputed reports (a name that belongs to another LINE user) received since a moment, newest first.</summary>
    public async Task<IReadOnlyList<DailyReport>> ListDisputedAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var reports = new List<DailyReport>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Disputed} and ReceivedAt ge {since}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            reports.Add(ReportEntityMapper.ToReport(row));
        }

        return [.. reports.OrderByDescending(r => r.ReceivedAt)];
    }

    /// <summary>Sets the photo count of a current report (photos attach before or after the text).</summary>
    public async Task<bool> SetPhotoCountAsync(string reporterId, DateOnly date, int count, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(WeekPartition(date), CurrentKey(date, reporterId)) { ["PhotoCount"] = count }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Sets the site coordinates on a current report (a location message of that day).</summary>
    public async Task<bool> SetLocationAsync(string reporterId, DateOnly date, double latitude, double longitude, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(
                new TableEntity(WeekPartition(date), CurrentKey(date, reporterId)) { ["Latitude"] = latitude, ["Longitude"] = longitude },
                ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private async Task<SaveResult> SaveDatedAsync(TableClient table, DailyReport report, long messageTimestamp, long? editTimestamp, CancellationToken cancellationToken, bool likelyFirstOfDay = false)
    {
        var date = report.Date!.Value;
        var partition = WeekPartition(date);
        var currentKey = CurrentKey(date, report.ReporterId);
        var versionKey = VersionKey(date, report.ReporterId, messageTimestamp, report.MessageId);

        // Optimistic concurrency on the current row: two messages for the same day race only rarely; retry then.
        for (var attempt = 0; ; attempt++)
        {
            // First of the day (likely): the batch adds the current row, which fails with 409 if there is one after all.
            var existing = attempt == 0 && likelyFirstOfDay ? null : await table.GetEntityIfExistsAsync<TableEntity>(partition, currentKey, cancellationToken: cancellationToken);
            var current = existing is { HasValue: true } ? existing.Value! : null;
            var sameMessage = current?.GetString("MessageId") == report.MessageId;
            var newer = current is not null && !sameMessage && ReportEntityMapper.MessageTimestamp(current) > messageTimestamp;
            var version = current is null ? 1 : sameMessage ? current.GetInt32("Version") ?? 1 : (current.GetInt32("Version") ?? 1) + 1;
            // Photos and a location may have been attached to the day's report already; keep them.
            var stored = report with
            {
                Version = newer ? report.Version : version,
                PhotoCount = current is null ? report.PhotoCount : Math.Max(report.PhotoCount, current.GetInt32("PhotoCount") ?? 0),
                Latitude = report.Latitude ?? current?.GetDouble("Latitude"),
                Longitude = report.Longitude ?? current?.GetDouble("Longitude"),
            };

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpsertReplace, ReportEntityMapper.ToEntity(stored, partition, versionKey, messageTimestamp, editTimestamp)),
            };
            if (!newer)
            {
                var row = ReportEntityMapper.ToEntity(stored, partition, currentKey, messageTimestamp, editTimestamp);
                actions.Add(current is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, row)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.ETag));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                var outcome = newer ? SaveOutcome.Superseded : current is null ? SaveOutcome.Created : sameMessage ? SaveOutcome.Updated : SaveOutcome.Replaced;
                return new SaveResult(outcome, stored);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // Someone else wrote the current row between our read and write: read again.
            }
        }
    }

    /// <summary>A disputed report is held aside, an undated one too; the rest goes to its reporter's day.</summary>
    private async Task<SaveResult> SaveNewAsync(TableClient table, DailyReport report, long messageTimestamp, long? editTimestamp, CancellationToken cancellationToken, bool likelyFirstOfDay = false) =>
        report.IsDisputed || report.Date is null
            ? await SaveHeldAsync(table, report, messageTimestamp, editTimestamp, cancellationToken)
            : await SaveDatedAsync(table, report, messageTimestamp, editTimestamp, cancellationToken, likelyFirstOfDay);

    private static async Task<SaveResult> SaveHeldAsync(TableClient table, DailyReport report, long messageTimestamp, long? editTimestamp, CancellationToken cancellationToken)
    {
        var row = ReportEntityMapper.ToEntity(report, HeldPartition(report), UndatedKey(report.ReporterId, report.MessageId), messageTimestamp, editTimestamp);
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return new SaveResult(SaveOutcome.Created, report);
    }

    private async Task<SaveResult> SaveEditedAsNewAsync(DailyReport report, long editTimestamp, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var saved = await SaveNewAsync(table, report, editTimestamp, editTimestamp, cancellationToken);
        await IndexAsync(saved.Report, editTimestamp, editTimestamp, cancellationToken);
        return saved;
    }

    /// <summary>Removes the rows a message created; promotes the previous version when the current one goes.</summary>
    private static async Task<DailyReport?> RemoveAsync(TableClient table, TableEntity index, CancellationToken cancellationToken)
    {
        var partition = index.GetString("Partition")!;
        var versionKey = index.GetString("VersionKey")!;
        var currentKey = index.GetString("CurrentKey");
        var removedRow = await table.GetEntityIfExistsAsync<TableEntity>(partition, versionKey, cancellationToken: cancellationToken);
        if (!removedRow.HasValue)
        {
            return null;
        }

        var removed = ReportEntityMapper.ToReport(removedRow.Value!);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, removedRow.Value!, ETag.All) };
        if (currentKey is not null)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, currentKey, cancellationToken: cancellationToken);
            if (current.HasValue && current.Value!.GetString("MessageId") == removed.MessageId)
            {
                TableEntity? previous = null;
                await foreach (var row in table.QueryAsync<TableEntity>(RangeFilter(partition, VersionPrefix + currentKey + "|"), cancellationToken: cancellationToken))
                {
                    if (row.RowKey != versionKey && (previous is null || ReportEntityMapper.MessageTimestamp(row) >= ReportEntityMapper.MessageTimestamp(previous)))
                    {
                        previous = row;
                    }
                }

                if (previous is null)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, current.Value!, ETag.All));
                }
                else
                {
                    var promoted = new TableEntity(previous) { PartitionKey = partition, RowKey = currentKey, ["PhotoCount"] = current.Value!.GetInt32("PhotoCount") ?? 0 };
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, promoted));
                }
            }
        }

        await table.SubmitTransactionAsync(actions, cancellationToken);
        return removed;
    }

    private async Task IndexAsync(DailyReport report, long messageTimestamp, long? editTimestamp, CancellationToken cancellationToken)
    {
        var messages = await storage.TableAsync(names.MessagesTable, cancellationToken);
        var key = TableKeys.Escape(report.MessageId);
        var entity = new TableEntity(key, SingleRow.Key(key))
        {
            ["Kind"] = "report",
            ["MessageTimestamp"] = messageTimestamp,
        };
        if (report.Date is { } date && !report.IsDisputed)
        {
            entity["Partition"] = WeekPartition(date);
            entity["VersionKey"] = VersionKey(date, report.ReporterId, messageTimestamp, report.MessageId);
            entity["CurrentKey"] = CurrentKey(date, report.ReporterId);
        }
        else
        {
            entity["Partition"] = HeldPartition(report);
            entity["VersionKey"] = UndatedKey(report.ReporterId, report.MessageId);
        }

        if (editTimestamp is { } edited)
        {
            entity["EditTimestamp"] = edited;
        }

        await messages.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<TableEntity?> GetIndexAsync(string messageId, CancellationToken cancellationToken)
    {
        var messages = await storage.TableAsync(names.MessagesTable, cancellationToken);
        // An older report's index may be under the old row key (an edit or unsend of it).
        var row = await SingleRow.GetAsync(messages, TableKeys.Escape(messageId), cancellationToken);
        return row?.GetString("Kind") == "report" ? row : null;
    }

    private async Task<DailyReport?> GetByIndexAsync(TableEntity index, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportsTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(index.GetString("Partition")!, index.GetString("VersionKey")!, cancellationToken: cancellationToken);
        return row.HasValue ? ReportEntityMapper.ToReport(row.Value!) : null;
    }

    private static string CurrentKey(DateOnly date, string reporterId) => string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}|{TableKeys.Escape(reporterId)}");

    private static string VersionKey(DateOnly date, string reporterId, long messageTimestamp, string messageId) =>
        string.Create(CultureInfo.InvariantCulture, $"{VersionPrefix}{CurrentKey(date, reporterId)}|{messageTimestamp:D13}|{TableKeys.Escape(messageId)}");

    private static string HeldPartition(DailyReport report) => report.IsDisputed ? Disputed : Undated;

    private static string UndatedKey(string reporterId, string messageId) => $"{TableKeys.Escape(reporterId)}|{TableKeys.Escape(messageId)}";

    // Rows whose key starts with a prefix: [prefix, prefix + U+FFFF).
    private static string RangeFilter(string partition, string prefix)
    {
        var end = prefix + '\uffff';
        return TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {end}");
    }
}
