using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LineBot.Calendar;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Storage;
using Microsoft.Extensions.Options;

namespace LineBot.Photos;

/// <summary>
/// Photo records and their blobs. Each record is written twice in the photos table: under the reporting week
/// (<c>w20261123</c>, the same partitions as reports), keyed <c>20261125|userId|messageId</c>, so a user's day is
/// one range query and a group's week one partition; and under its message (<c>m|messageId</c>), so unsends,
/// redeliveries and retries find it with one point read (and claim it with one conditional insert).
/// Attaching recounts the day's evidence and writes the count on the report, so the order in which photos and
/// the report arrive does not matter.
/// </summary>
internal sealed class PhotoStore(
    StorageClients storage,
    StorageNames names,
    ReportStore reports,
    ReporterStore reporters,
    LocationStore locations,
    EvidenceMarks marks,
    LinkClock linkClock,
    IOptionsMonitor<PhotoOptions> options)
{
    private const string MessagePrefix = "m|";

    /// <summary>
    /// For the report handler, after a report for <paramref name="date"/> is saved: attaches the user's photos
    /// of that date (and the day's latest site location) to it. Returns how many photos the report now counts.
    /// </summary>
    /// <param name="withLocation">False when only a photo changed (the day's location was attached when the report or the location came).</param>
    public async Task<int> AttachPendingAsync(string userId, string reporterId, DateOnly date, CancellationToken cancellationToken, bool withLocation = true)
    {
        var day = await ListDayAsync(userId, date, cancellationToken);
        var count = day.Count(p => p.IsEvidence);
        if (!await reports.SetPhotoCountAsync(reporterId, date, count, cancellationToken))
        {
            // No report (yet): the photos wait, unattached.
            return count;
        }

        foreach (var photo in day.Where(p => p.IsEvidence && (!p.Attached || p.ReporterId != reporterId)))
        {
            await SaveAsync(photo with { Attached = true, ReporterId = reporterId }, cancellationToken);
        }

        if (withLocation && await locations.LatestOnAsync(userId, date, cancellationToken) is { } site)
        {
            await reports.SetLocationAsync(reporterId, date, site.Latitude, site.Longitude, cancellationToken);
        }

        return count;
    }

    /// <summary>Photos (stored images and videos) a user sent on a date, attached to a report or not.</summary>
    public async Task<int> CountForAsync(string userId, DateOnly date, CancellationToken cancellationToken) =>
        (await ListDayAsync(userId, date, cancellationToken)).Count(p => p.IsEvidence);

    /// <summary>
    /// A photo just stored: saved attached to the sender's report of that day when there is one, and the report's count
    /// brought up to date; otherwise saved unattached, for the report to count when it comes. Returns what was saved.
    /// </summary>
    public async Task<PhotoRecord> SaveStoredAsync(PhotoRecord photo, CancellationToken cancellationToken)
    {
        var reporterId = photo.ReporterId ?? (await reporters.FindByUserIdAsync(photo.UserId, cancellationToken))?.Id ?? photo.UserId;
        if (await reports.GetAsync(reporterId, photo.Date, cancellationToken) is null)
        {
            await SaveAsync(photo, cancellationToken);
            return photo;
        }

        var attached = photo with { Attached = true, ReporterId = reporterId };
        await SaveAsync(attached, cancellationToken);
        await AttachPendingAsync(photo.UserId, reporterId, photo.Date, cancellationToken, withLocation: false);
        return attached;
    }

    /// <summary>After a photo is stored or removed: brings the count on the sender's report of that day up to date, if there is one.</summary>
    public async Task RefreshReportAsync(PhotoRecord photo, CancellationToken cancellationToken)
    {
        var reporterId = photo.ReporterId ?? (await reporters.FindByUserIdAsync(photo.UserId, cancellationToken))?.Id ?? photo.UserId;
        // No report yet: nothing to count on (the report counts the day's photos when it comes).
        if (await reports.GetAsync(reporterId, photo.Date, cancellationToken) is not null)
        {
            await AttachPendingAsync(photo.UserId, reporterId, photo.Date, cancellationToken);
        }
    }

    /// <summary>Every media record of a user and date (any status), oldest first.</summary>
    public async Task<IReadOnlyList<PhotoRecord>> ListDayAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        var prefix = DayPrefix(date, userId);
        var end = prefix + '\uffff';
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReportStore.WeekPartition(date)} and RowKey ge {prefix} and RowKey lt {end}");
        return await QueryAsync(table, filter, cancellationToken);
    }

    /// <summary>A reporting week's media records (Monday–Sunday), optionally of one group: one partition.</summary>
    public async Task<IReadOnlyList<PhotoRecord>> ListWeekAsync(DateOnly anyDayOfWeek, string? groupId = null, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReportStore.WeekPartition(anyDayOfWeek)}");
        if (groupId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"GroupId eq {groupId}");
        }

        return await QueryAsync(table, filter, cancellationToken);
    }

    /// <summary>Records whose download failed (for <c>linebot photos retry</c>).</summary>
    public async Task<IReadOnlyList<PhotoRecord>> ListFailedAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        const string end = "m}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {MessagePrefix} and PartitionKey lt {end} and Status eq {PhotoStatus.Failed.Name()}");
        return await QueryAsync(table, filter, cancellationToken);
    }

    public async Task<PhotoRecord?> GetAsync(string messageId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        return await SingleRow.GetAsync(table, MessageKey(messageId), cancellationToken) is { } row ? PhotoEntityMapper.ToRecord(row) : null;
    }

    /// <summary>Claims a message for download: null when it is new (and now ours), else the record already there (a redelivery).</summary>
    public async Task<PhotoRecord?> ClaimAsync(PhotoRecord photo, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        try
        {
            await table.AddEntityAsync(MessageRow(photo), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(photo.MessageId, cancellationToken) ?? photo;
        }

        // A photo to download gets its day row when the download settles (SaveAsync); until then it counts nowhere
        // anyway. What is never downloaded (unsupported kinds) is settled now.
        if (photo.Status != PhotoStatus.Pending)
        {
            await SaveDayRowAsync(table, photo, cancellationToken);
        }

        return null;
    }

    /// <summary>Writes both rows of a record.</summary>
    public async Task SaveAsync(PhotoRecord photo, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        await table.UpsertEntityAsync(MessageRow(photo), TableUpdateMode.Replace, cancellationToken);
        await SaveDayRowAsync(table, photo, cancellationToken);
    }

    /// <summary>Unsend: deletes the blobs and both rows, and lowers the report's count. Returns what was removed, or null.</summary>
    public async Task<PhotoRecord?> RemoveAsync(string messageId, CancellationToken cancellationToken)
    {
        var photo = await GetAsync(messageId, cancellationToken);
        if (photo is null)
        {
            return null;
        }

        var container = await storage.ContainerAsync(names.PhotosContainer, cancellationToken);
        foreach (var blob in new[] { photo.BlobName, photo.PreviewBlobName })
        {
            if (blob is not null)
            {
                await container.GetBlobClient(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }

        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        await table.DeleteEntityAsync(ReportStore.WeekPartition(photo.Date), DayKey(photo), ETag.All, cancellationToken);
        await SingleRow.DeleteAsync(table, MessageKey(messageId), cancellationToken);
        if (photo.IsEvidence)
        {
            await RefreshReportAsync(photo, cancellationToken);
        }

        return photo;
    }

    /// <summary>A read-only link to a photo (a video's preview) for admins: expires, default Photos:LinkValidity.</summary>
    public async Task<Uri> LinkAsync(PhotoRecord photo, TimeSpan? validity = null, CancellationToken cancellationToken = default)
    {
        var blobName = photo.BlobName ?? photo.PreviewBlobName
            ?? throw new InvalidOperationException($"Message {photo.MessageId} has no stored content ({photo.Status}).");
        var container = await storage.ContainerAsync(names.PhotosContainer, cancellationToken);
        // The link asks for a download too, so blobs stored before their headers were set are never shown inline either.
        var link = await BlobLinks.ReadOnlyAsync(
            storage, container.GetBlobClient(blobName), linkClock.UtcNow, validity ?? options.CurrentValue.LinkValidity, cancellationToken, BlobContentWriter.Attachment);
        return link.Uri;
    }

    /// <summary>Where a message's content goes: group, Bangkok date and sender are visible in the path.</summary>
    public static string BlobPath(PhotoRecord photo, string contentType, bool preview = false) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Segment(photo.GroupId)}/{photo.Date:yyyy-MM-dd}/{Segment(photo.UserId)}/{Segment(photo.MessageId)}{(preview ? ".preview" : "")}{Extension(contentType, photo.Kind, preview)}");

    private static string Extension(string contentType, MediaKind kind, bool preview) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "image/heic" => ".heic",
        "video/mp4" => ".mp4",
        _ => preview || kind == MediaKind.Image ? ".jpg" : ".bin",
    };

    private static string Segment(string value) => TableKeys.Escape(value).Replace('%', '_');

    // The day's mark first: a day row is never there without it (a report that finds no mark skips the day's queries).
    private async Task SaveDayRowAsync(TableClient table, PhotoRecord photo, CancellationToken cancellationToken)
    {
        await marks.MarkAsync(photo.UserId, photo.Date, cancellationToken);
        await table.UpsertEntityAsync(PhotoEntityMapper.ToEntity(photo, ReportStore.WeekPartition(photo.Date), DayKey(photo)), TableUpdateMode.Replace, cancellationToken);
    }

    private static string DayPrefix(DateOnly date, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}|{TableKeys.Escape(userId)}|");

    private static string MessageKey(string messageId) => MessagePrefix + TableKeys.Escape(messageId);

    private static TableEntity MessageRow(PhotoRecord photo)
    {
        var key = MessageKey(photo.MessageId);
        return PhotoEntityMapper.ToEntity(photo, key, SingleRow.Key(key));
    }

    private static string DayKey(PhotoRecord photo) => DayPrefix(photo.Date, photo.UserId) + TableKeys.Escape(photo.MessageId);

    private static async Task<IReadOnlyList<PhotoRecord>> QueryAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var records = new List<PhotoRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(PhotoEntityMapper.ToRecord(row));
        }

        return [.. records.OrderBy(r => r.Timestamp)];
    }
}
