using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace LineBot.Reports;

/// <summary>DailyReport ⇄ table entity. Lists are JSON strings; dates are yyyy-MM-dd strings (no time zone games).</summary>
internal static class ReportEntityMapper
{
    public static TableEntity ToEntity(DailyReport report, string partitionKey, string rowKey, long messageTimestamp, long? editTimestamp = null)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["GroupId"] = report.GroupId,
            ["ReporterId"] = report.ReporterId,
            ["ReporterName"] = report.ReporterName,
            ["Date"] = report.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["SiteType"] = report.Site.Type,
            ["Province"] = report.Site.Province,
            ["District"] = report.Site.District,
            ["Subdistrict"] = report.Site.Subdistrict,
            ["Activities"] = Json(report.Activities),
            ["Problems"] = Json(report.Problems),
            ["Plans"] = Json(report.Plans),
            ["CertifiedBy"] = report.CertifiedBy,
            ["PhotoCount"] = report.PhotoCount,
            ["Latitude"] = report.Latitude,
            ["Longitude"] = report.Longitude,
            ["MessageId"] = report.MessageId,
            ["ReceivedAt"] = report.ReceivedAt,
            ["Version"] = report.Version,
            ["Errors"] = Json(report.Errors),
            ["Warnings"] = Json(report.Warnings),
            ["ClaimedName"] = report.ClaimedName,
            ["MessageTimestamp"] = messageTimestamp,
        };
        if (editTimestamp is { } edited)
        {
            entity["EditTimestamp"] = edited;
        }

        return entity;
    }

    public static DailyReport ToReport(TableEntity entity) => new()
    {
        GroupId = entity.GetString("GroupId") ?? "",
        ReporterId = entity.GetString("ReporterId") ?? "",
        ReporterName = entity.GetString("ReporterName") ?? "",
        Date = entity.GetString("Date") is { Length: > 0 } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Site = new(entity.GetString("SiteType"), entity.GetString("Province"), entity.GetString("District"), entity.GetString("Subdistrict")),
        Activities = List(entity.GetString("Activities")),
        Problems = List(entity.GetString("Problems")),
        Plans = List(entity.GetString("Plans")),
        CertifiedBy = entity.GetString("CertifiedBy"),
        PhotoCount = entity.GetInt32("PhotoCount") ?? 0,
        Latitude = entity.GetDouble("Latitude"),
        Longitude = entity.GetDouble("Longitude"),
        MessageId = entity.GetString("MessageId") ?? "",
        ReceivedAt = entity.GetDateTimeOffset("ReceivedAt") ?? default,
        Version = entity.GetInt32("Version") ?? 1,
        Errors = List(entity.GetString("Errors")),
        Warnings = List(entity.GetString("Warnings")),
        ClaimedName = entity.GetString("ClaimedName"),
    };

    public static long MessageTimestamp(TableEntity entity) => entity.GetInt64("MessageTimestamp") ?? 0;

    private static string Json(IReadOnlyList<string> items) =>
        JsonSerializer.Serialize(items as List<string> ?? [.. items], ReportsJsonContext.Default.ListString);

    private static List<string> List(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, ReportsJsonContext.Default.ListString) ?? [];
}
