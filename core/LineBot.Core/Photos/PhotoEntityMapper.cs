using System.Globalization;
using Azure.Data.Tables;

namespace LineBot.Photos;

/// <summary>PhotoRecord ↔ table row (the same columns in the day row and the message row); kind and status as their names.</summary>
internal static class PhotoEntityMapper
{
    public static TableEntity ToEntity(PhotoRecord p, string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["MessageId"] = p.MessageId,
        ["Kind"] = p.Kind.Name(),
        ["GroupId"] = p.GroupId,
        ["UserId"] = p.UserId,
        ["Date"] = p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["EventTimestamp"] = p.Timestamp,
        ["Status"] = p.Status.Name(),
        ["Provider"] = p.Provider,
        ["OriginalContentUrl"] = p.OriginalContentUrl,
        ["PreviewImageUrl"] = p.PreviewImageUrl,
        ["ImageSetId"] = p.ImageSetId,
        ["ImageSetIndex"] = p.ImageSetIndex,
        ["ImageSetTotal"] = p.ImageSetTotal,
        ["BlobName"] = p.BlobName,
        ["PreviewBlobName"] = p.PreviewBlobName,
        ["ContentType"] = p.ContentType,
        ["Size"] = p.Size,
        ["Sha256"] = p.Sha256,
        ["Duration"] = p.Duration,
        ["FileName"] = p.FileName,
        ["FileSize"] = p.FileSize,
        ["Attached"] = p.Attached,
        ["ReporterId"] = p.ReporterId,
        ["Attempts"] = p.Attempts,
        ["FailStatus"] = p.FailStatus,
        ["RequestId"] = p.RequestId,
        ["Error"] = p.Error,
    };

    public static PhotoRecord ToRecord(TableEntity row) => new()
    {
        MessageId = row.GetString("MessageId") ?? "",
        Kind = MediaKinds.Parse(row.GetString("Kind")) ?? MediaKind.Image,
        GroupId = row.GetString("GroupId") ?? "",
        UserId = row.GetString("UserId") ?? "",
        Date = DateOnly.ParseExact(row.GetString("Date") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Timestamp = row.GetInt64("EventTimestamp") ?? 0,
        Status = PhotoStatuses.Parse(row.GetString("Status")),
        Provider = row.GetString("Provider") ?? "line",
        OriginalContentUrl = row.GetString("OriginalContentUrl"),
        PreviewImageUrl = row.GetString("PreviewImageUrl"),
        ImageSetId = row.GetString("ImageSetId"),
        ImageSetIndex = row.GetInt32("ImageSetIndex"),
        ImageSetTotal = row.GetInt32("ImageSetTotal"),
        BlobName = row.GetString("BlobName"),
        PreviewBlobName = row.GetString("PreviewBlobName"),
        ContentType = row.GetString("ContentType"),
        Size = row.GetInt64("Size"),
        Sha256 = row.GetString("Sha256"),
        Duration = row.GetInt64("Duration"),
        FileName = row.GetString("FileName"),
        FileSize = row.GetInt64("FileSize"),
        Attached = row.GetBoolean("Attached") ?? false,
        ReporterId = row.GetString("ReporterId"),
        Attempts = row.GetInt32("Attempts") ?? 0,
        FailStatus = row.GetInt32("FailStatus"),
        RequestId = row.GetString("RequestId"),
        Error = row.GetString("Error"),
    };
}
