using System.Globalization;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Exports;

/// <summary>One reporter-day of the weekly compilation (duplicate reports of the day merged).</summary>
internal sealed record ExportRow(
    string District,
    DateOnly Date,
    string Reporter,
    string? SiteType,
    string? Subdistrict,
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Plans,
    string? CertifiedBy,
    int Photos,
    IReadOnlyList<string> PhotoLinks,
    string? MapLink);

/// <summary>A reporter-day's stored photos: how many, and a read-only link to each.</summary>
internal sealed record DayPhotos(int Count, IReadOnlyList<string> Links);

/// <summary>
/// The weekly compilation a district office forwards: .xlsx with one sheet per district (a row per reporter-day)
/// and a summary sheet of the digest numbers, or one CSV of all rows.
/// </summary>
internal static class WeeklyExport
{
    public const string SummarySheet = "สรุป";

    public static readonly IReadOnlyList<string> Columns =
    [
        "อำเภอ", "วันที่", "ผู้รายงาน", "ประเภทพื้นที่", "ตำบล", "กิจกรรม", "ปัญหา/อุปสรรค", "แผนวันถัดไป",
        "ผู้รับรอง", "จำนวนภาพ", "ลิงก์ภาพ", "แผนที่",
    ];

    public static readonly IReadOnlyList<string> SummaryColumns =
    [
        "อำเภอ", "ผู้รายงาน (คน)", "ส่งแล้ว (วัน)", "ต้องส่ง (วัน)", "ส่งตามกำหนด (วัน)", "ขาด (วัน)", "ร้อยละที่ส่ง",
        "รับรองแล้ว (วัน)", "ร้อยละรับรอง", "ภาพถ่าย", "รายงานมีพิกัด", "ผู้รายงานมีพิกัด", "ปัญหา (เรื่อง)", "ผู้ที่ยังขาดส่ง",
    ];

    /// <summary>
    /// Reporter-day rows, by district, date and name. <paramref name="photoLinks"/> gives the photo URLs of a report
    /// (e.g. SAS links precomputed by the caller); null leaves the column empty. <paramref name="dayPhotos"/> gives
    /// the stored photos of each (reporter, date), attached to a report or not: their links fill the column, their
    /// count wins over the reports' when larger, and a day with photos but no report still gets a row (evidence of
    /// the day's work, with empty activities).
    /// </summary>
    public static IReadOnlyList<ExportRow> Rows(
        IReadOnlyList<DailyReport> reports,
        IReadOnlyList<Reporter> reporters,
        Func<DailyReport, IReadOnlyList<string>>? photoLinks = null,
        IReadOnlyDictionary<(string ReporterId, DateOnly Date), DayPhotos>? dayPhotos = null)
    {
        var roster = reporters.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var reported = reports
            .Where(r => r.Date is not null)
            .GroupBy(r => (r.ReporterId, Date: r.Date!.Value))
            .Select(day =>
            {
                var copies = day.OrderBy(r => r.ReceivedAt).ToList();
                var reporter = roster.GetValueOrDefault(day.Key.ReporterId);
                var located = copies.LastOrDefault(r => r.Latitude is not null && r.Longitude is not null);
                var stored = dayPhotos?.GetValueOrDefault(day.Key);
                IReadOnlyList<string> links = stored is not null ? stored.Links : photoLinks is null ? [] : [.. copies.SelectMany(photoLinks)];
                return new ExportRow(
                    DistrictOf(reporter?.District ?? copies[0].District),
                    day.Key.Date,
                    reporter?.Name ?? copies[^1].ReporterName,
                    copies.Select(c => c.SiteType).LastOrDefault(s => s is not null) ?? reporter?.SiteType,
                    copies.Select(c => c.Subdistrict).LastOrDefault(s => s is not null) ?? reporter?.Subdistrict,
                    Distinct(copies.SelectMany(c => c.Activities)),
                    Distinct(copies.SelectMany(c => c.Problems)),
                    Distinct(copies.SelectMany(c => c.Plans)),
                    copies.Select(c => c.CertifiedBy).LastOrDefault(c => !string.IsNullOrWhiteSpace(c)),
                    Math.Max(copies.Sum(c => c.PhotoCount), stored?.Count ?? 0),
                    links,
                    located is null ? SiteLink(reporter) : MapLink(located.Latitude!.Value, located.Longitude!.Value));
            })
            .ToList();

        var withReport = reports.Where(r => r.Date is not null).Select(r => (r.ReporterId, r.Date!.Value)).ToHashSet();
        var photoOnly = (dayPhotos ?? new Dictionary<(string, DateOnly), DayPhotos>())
            .Where(p => !withReport.Contains(p.Key) && p.Value.Count > 0)
            .Select(p =>
            {
                var reporter = roster.GetValueOrDefault(p.Key.ReporterId);
                return new ExportRow(
                    DistrictOf(reporter?.District), p.Key.Date, reporter?.Name ?? p.Key.ReporterId, reporter?.SiteType, reporter?.Subdistrict,
                    [], [], [], null, p.Value.Count, p.Value.Links, SiteLink(reporter));
            });

        return [.. reported.Concat(photoOnly)
            .OrderBy(r => r.District == WeeklyDigestCalculator.UnknownDistrict ? 1 : 0)
            .ThenBy(r => r.District, WeeklyDigestCalculator.ThaiOrder)
            .ThenBy(r => r.Date)
            .ThenBy(r => r.Reporter, WeeklyDigestCalculator.ThaiOrder)];
    }

    /// <summary>Rows with photo links precomputed per report, keyed by <see cref="DailyReport.MessageId"/>.</summary>
    public static IReadOnlyList<ExportRow> Rows(IReadOnlyList<DailyReport> reports, IReadOnlyList<Reporter> reporters, IReadOnlyDictionary<string, IReadOnlyList<string>> photoLinksByMessageId) =>
        Rows(reports, reporters, r => photoLinksByMessageId.GetValueOrDefault(r.MessageId) ?? []);

    public static string MapLink(double latitude, double longitude) => Photos.MapLink.For(latitude, longitude);

    /// <summary>The reporter's registered site, when a day's report carries no coordinates of its own.</summary>
    private static string? SiteLink(Reporter? reporter) =>
        reporter is { Latitude: { } lat, Longitude: { } lng } ? MapLink(lat, lng) : null;

    /// <summary>The workbook: a summary sheet, then one sheet per district.</summary>
    public static byte[] Xlsx(WeeklyDigest digest, IReadOnlyList<ExportRow> rows) => Workbook.Xlsx(Sheets(digest, rows));

    public static IEnumerable<Sheet> Sheets(WeeklyDigest digest, IReadOnlyList<ExportRow> rows) => Sheets(digest.Province, digest.Districts, rows);

    /// <summary>The summary sheet of <paramref name="districts"/> and <paramref name="total"/>, then one sheet per district.</summary>
    public static IEnumerable<Sheet> Sheets(DistrictDigest total, IReadOnlyList<DistrictDigest> districts, IReadOnlyList<ExportRow> rows)
    {
        yield return Summary(total, districts);
        var names = districts.Select(d => d.District).Concat(rows.Select(r => r.District)).Distinct(StringComparer.Ordinal);
        foreach (var district in names)
        {
            yield return new Sheet(district, Columns, [.. rows.Where(r => r.District == district).Select(Cells)]);
        }
    }

    /// <summary>All rows as one CSV (UTF-8 with BOM).</summary>
    public static byte[] Csv(IReadOnlyList<ExportRow> rows) => Workbook.Csv(new Sheet("rows", Columns, [.. rows.Select(Cells)]));

    public static Sheet Summary(WeeklyDigest digest) => Summary(digest.Province, digest.Districts);

    public static Sheet Summary(DistrictDigest total, IReadOnlyList<DistrictDigest> districts) => new(
        SummarySheet,
        SummaryColumns,
        // A one-district export's total is that district (DigestService.ForDistrict): one row, not two alike.
        [.. (districts.Any(d => d.District == total.District) ? districts : districts.Append(total)).Select(d => (IReadOnlyList<object?>)
        [
            d.District, d.Registered, d.Received, d.Expected, d.ReceivedExpected, d.Missing, Math.Round(d.Completion * 100, 1),
            d.Certified, Math.Round(d.CertificationRate * 100, 1), d.Photos, d.ReportsWithLocation, d.ReportersWithLocation,
            d.Problems.Count, string.Join("\n", d.Gaps.Select(g => $"{g.Name}: {string.Join(", ", g.MissingDates.Select(ThaiDates.DayMonth))}")),
        ])]);

    private static IReadOnlyList<object?> Cells(ExportRow r) =>
    [
        r.District, ThaiDates.Short(r.Date), r.Reporter, r.SiteType, r.Subdistrict,
        string.Join("\n", r.Activities), string.Join("\n", r.Problems), string.Join("\n", r.Plans),
        r.CertifiedBy, r.Photos, string.Join("\n", r.PhotoLinks), r.MapLink,
    ];

    private static IReadOnlyList<string> Distinct(IEnumerable<string> items) =>
        [.. items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string DistrictOf(string? district) => string.IsNullOrWhiteSpace(district) ? WeeklyDigestCalculator.UnknownDistrict : district.Trim();
}
