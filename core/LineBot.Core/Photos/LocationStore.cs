using System.Globalization;
using Azure.Data.Tables;
using LineBot.Calendar;
using LineBot.Storage;

namespace LineBot.Photos;

/// <summary>
/// Every location a user has sent, in the locations table: one partition per user, rows keyed by event
/// timestamp and message (<c>1764000000000|messageId</c>), so history reads in time order and a day's latest is
/// one range query. The profile holds only the latest; this keeps the rest.
/// </summary>
internal sealed class LocationStore(StorageClients storage, StorageNames names, BotClock clock, EvidenceMarks marks)
{
    /// <summary>Adds a history row (idempotent per message), after the day's evidence mark.</summary>
    public async Task AddAsync(string userId, SiteLocation location, CancellationToken cancellationToken)
    {
        await marks.MarkAsync(userId, clock.DateOf(location.Timestamp), cancellationToken);
        var table = await storage.TableAsync(names.LocationsTable, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(userId), Key(location.Timestamp) + TableKeys.Escape(location.MessageId))
        {
            ["Latitude"] = location.Latitude,
            ["Longitude"] = location.Longitude,
            ["Title"] = location.Title,
            ["Address"] = location.Address,
            ["EventTimestamp"] = location.Timestamp,
            ["MessageId"] = location.MessageId,
            ["GroupId"] = location.GroupId,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>A user's locations, oldest first.</summary>
    public Task<IReadOnlyList<SiteLocation>> HistoryAsync(string userId, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(userId)}"), cancellationToken);

    /// <summary>The last location a user sent on a (Bangkok) date, or null.</summary>
    public async Task<SiteLocation?> LatestOnAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        var from = Key(clock.At(date, TimeOnly.MinValue).ToUnixTimeMilliseconds());
        var to = Key(clock.At(date.AddDays(1), TimeOnly.MinValue).ToUnixTimeMilliseconds());
        var day = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(userId)} and RowKey ge {from} and RowKey lt {to}"), cancellationToken);
        return day.Count == 0 ? null : day[^1];
    }

    private static string Key(long timestamp) => timestamp.ToString("D13", CultureInfo.InvariantCulture) + "|";

    private async Task<IReadOnlyList<SiteLocation>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.LocationsTable, cancellationToken);
        var list = new List<SiteLocation>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new SiteLocation(
                row.GetDouble("Latitude") ?? 0,
                row.GetDouble("Longitude") ?? 0,
                row.GetString("Title"),
                row.GetString("Address"),
                row.GetInt64("EventTimestamp") ?? 0,
                row.GetString("MessageId") ?? "",
                row.GetString("GroupId") ?? ""));
        }

        return list;
    }
}
