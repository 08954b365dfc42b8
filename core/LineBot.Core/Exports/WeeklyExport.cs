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
/// The weekly (or monthly) compilation a district office forwards: .xlsx with an explanation sheet, a summary sheet
/// of the digest numbers, the day grid (<see cref="DayGrid"/>), one sheet per district (a row per reporter-day) and a
/// photo sheet (a row and a link per photo); or one CSV of all rows.
/// </summary>
internal static class WeeklyExport
{
    public const string SummarySheet = "สรุป";
    public const string PhotoSheet = "ภาพถ่าย";

    /// <summary>The columns of a district sheet (and of the CSV).</summary>
    public static readonly IReadOnlyList<SheetColumn> Columns =
    [
        new("อำเภอ", Width: 16, Meaning: "อำเภอที่ผู้รายงานสังกัด"),
        new("วันที่", ColumnKind.Date, Meaning: "วันที่ของรายงาน (วันที่ทำงาน ไม่ใช่วันที่ส่ง)"),
        new("ผู้รายงาน", Width: 24, Meaning: "ชื่อผู้รายงานตามทะเบียน"),
        new("ประเภทพื้นที่", Width: 12, Meaning: "ประเภทแปลง เช่น HLM หรือ CLM"),
        new("ตำบล", Width: 14, Meaning: "ตำบลของแปลง"),
        new("กิจกรรม", ColumnKind.LongText, Meaning: "กิจกรรมที่ทำในวันนั้น บรรทัดละหนึ่งเรื่อง (รายงานซ้ำของวันเดียวกันรวมเป็นแถวเดียว)"),
        new("ปัญหา/อุปสรรค", ColumnKind.LongText, 35, "ปัญหาหรืออุปสรรคที่รายงาน"),
        new("แผนวันถัดไป", ColumnKind.LongText, 35, "สิ่งที่จะทำในวันทำการถัดไป"),
        new("ผู้รับรอง", Width: 18, Meaning: "ผู้รับรองรายงาน ว่างไว้ถ้ายังไม่มีผู้รับรอง"),
        new("จำนวนภาพ", ColumnKind.Number, 10, "จำนวนภาพถ่ายหลักฐานของวันนั้น (ส่งพร้อมรายงานหรือส่งแยกก็นับ)"),
        new("ลิงก์ภาพ", ColumnKind.Link, Meaning: $"กดเพื่อไปที่ภาพของวันนั้นในแผ่นงาน \"{PhotoSheet}\" ซึ่งมีลิงก์เปิดภาพทีละภาพ"),
        new("แผนที่", ColumnKind.Link, 40, "ตำแหน่งแปลงบน Google Maps (พิกัดของรายงาน หรือพิกัดที่ลงทะเบียนไว้)"),
    ];

    public static readonly IReadOnlyList<SheetColumn> SummaryColumns =
    [
        new("อำเภอ", Width: 16, Meaning: "อำเภอ แถวสุดท้ายเป็นรวมทั้งจังหวัด"),
        new("ผู้รายงาน (คน)", ColumnKind.Number, Meaning: "ผู้รายงานที่ต้องส่งในช่วงนี้"),
        new("ส่งแล้ว (วัน)", ColumnKind.Number, Meaning: "จำนวนวันที่มีรายงาน (คน×วัน)"),
        new("ต้องส่ง (วัน)", ColumnKind.Number, Meaning: "วันทำการที่ต้องส่ง ไม่นับวันหยุดและวันลา"),
        new("ส่งตามกำหนด (วัน)", ColumnKind.Number, Meaning: "วันที่ต้องส่งและส่งแล้ว"),
        new("ขาด (วัน)", ColumnKind.Number, Meaning: "วันที่ต้องส่งแต่ยังไม่ส่ง (วันลาและวันหยุดไม่นับเป็นขาด)"),
        new("ร้อยละที่ส่ง", ColumnKind.Decimal, Meaning: "ส่งตามกำหนด ÷ ต้องส่ง × 100"),
        new("รับรองแล้ว (วัน)", ColumnKind.Number, Meaning: "วันที่มีรายงานที่มีผู้รับรอง"),
        new("ร้อยละรับรอง", ColumnKind.Decimal, Meaning: "รับรองแล้ว ÷ ส่งแล้ว × 100"),
        new("ภาพถ่าย", ColumnKind.Number, Meaning: "จำนวนภาพถ่ายหลักฐานทั้งหมด"),
        new("รายงานมีพิกัด", ColumnKind.Number, Meaning: "รายงานที่แนบตำแหน่ง"),
        new("ผู้รายงานมีพิกัด", ColumnKind.Number, Meaning: "ผู้รายงานที่รู้ตำแหน่งแปลง"),
        new("ปัญหา (เรื่อง)", ColumnKind.Number, Meaning: "จำนวนปัญหา/อุปสรรคที่รายงาน"),
        new("ผู้ที่ยังขาดส่ง", ColumnKind.LongText, 50, $"ชื่อและวันที่ขาดส่ง ดูรายวันได้ที่แผ่นงาน \"{DayGrid.SheetName}\""),
    ];

    public static readonly IReadOnlyList<SheetColumn> PhotoColumns =
    [
        new("อำเภอ", Width: 16),
        new("วันที่", ColumnKind.Date, Meaning: "วันที่ของภาพ"),
        new("ผู้รายงาน", Width: 24),
        new("ภาพที่", ColumnKind.Number, 8, "ลำดับภาพของวันนั้น"),
        new("ลิงก์ภาพ", ColumnKind.Link, Meaning: "กดเพื่อเปิดภาพ ลิงก์ใช้ได้ถึงวันเดียวกับลิงก์ของไฟล์นี้"),
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

    /// <summary>The week's workbook (see <see cref="Sheets(DistrictDigest, IReadOnlyList{DistrictDigest}, IReadOnlyList{ExportRow}, DayGridInput?)"/>).</summary>
    public static byte[] Xlsx(WeeklyDigest digest, IReadOnlyList<ExportRow> rows, DayGridInput? days = null) =>
        Xlsx(digest.Province, digest.Districts, rows, days, ThaiDates.Week(digest.Week));

    /// <summary>The workbook of a period (<paramref name="period"/>: "สัปดาห์ 1–7 ธ.ค. 2569", "เดือนธันวาคม 2569"), explanation sheet first.</summary>
    public static byte[] Xlsx(DistrictDigest total, IReadOnlyList<DistrictDigest> districts, IReadOnlyList<ExportRow> rows, DayGridInput? days, string period) =>
        Workbook.Xlsx(Sheets(total, districts, rows, days), About(period));

    public static string About(string period) =>
        $"รายงานประจำวันของผู้รายงาน {period} รวมจากกลุ่มไลน์โดยบอท แผ่นงานแรกนี้อธิบายแต่ละแผ่นงานและคอลัมน์ครับ";

    public static IEnumerable<Sheet> Sheets(WeeklyDigest digest, IReadOnlyList<ExportRow> rows, DayGridInput? days = null) => Sheets(digest.Province, digest.Districts, rows, days);

    /// <summary>
    /// The summary sheet of <paramref name="districts"/> and <paramref name="total"/>, the day grid (when
    /// <paramref name="days"/> is given), one sheet per district, then the photo sheet that the district sheets link to.
    /// </summary>
    public static IEnumerable<Sheet> Sheets(DistrictDigest total, IReadOnlyList<DistrictDigest> districts, IReadOnlyList<ExportRow> rows, DayGridInput? days = null)
    {
        yield return Summary(total, districts);
        if (days is not null)
        {
            yield return DayGrid.Sheet(days);
        }

        // The photo sheet lists photos in the order of the rows: each row's first photo is at a known line.
        var firstPhotoRow = new Dictionary<ExportRow, int>(ReferenceEqualityComparer.Instance);
        var line = 2;
        foreach (var row in rows.Where(r => r.PhotoLinks.Count > 0))
        {
            firstPhotoRow[row] = line;
            line += row.PhotoLinks.Count;
        }

        var names = districts.Select(d => d.District).Concat(rows.Select(r => r.District)).Distinct(StringComparer.Ordinal);
        foreach (var district in names)
        {
            yield return new Sheet(district, Columns, [.. rows.Where(r => r.District == district).Select(r => XlsxCells(r, firstPhotoRow.GetValueOrDefault(r)))])
            {
                About = $"อำเภอ{district}: หนึ่งแถวต่อผู้รายงานหนึ่งวันที่มีรายงานหรือภาพถ่ายครับ",
            };
        }

        yield return new Sheet(PhotoSheet, PhotoColumns, rows.SelectMany(r => r.PhotoLinks.Select((link, i) => (IReadOnlyList<object?>)
            [r.District, r.Date, r.Reporter, i + 1, new Link(link, "เปิดภาพ")])))
        {
            About = "ภาพถ่ายหลักฐานทีละภาพ กดลิงก์เพื่อเปิดภาพครับ",
        };
    }

    /// <summary>All rows as one CSV (UTF-8 with BOM): dates as text, a row's photo links one per line in their cell.</summary>
    public static byte[] Csv(IReadOnlyList<ExportRow> rows) => Workbook.Csv(new Sheet("rows", Columns, [.. rows.Select(CsvCells)]));

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
        ])])
    {
        About = "ตัวเลขรายอำเภอของช่วงนี้ แถวสุดท้ายเป็นรวมครับ",
    };

    private static IReadOnlyList<object?> XlsxCells(ExportRow r, int firstPhotoRow) =>
    [
        r.District, r.Date, r.Reporter, r.SiteType, r.Subdistrict,
        string.Join("\n", r.Activities), string.Join("\n", r.Problems), string.Join("\n", r.Plans),
        r.CertifiedBy, r.Photos, firstPhotoRow > 0 ? Link.ToCell(PhotoSheet, firstPhotoRow, $"ดูภาพ ({r.PhotoLinks.Count})") : null,
        r.MapLink is { } map ? new Link(map, map) : null,
    ];

    private static IReadOnlyList<object?> CsvCells(ExportRow r) =>
    [
        r.District, ThaiDates.Short(r.Date), r.Reporter, r.SiteType, r.Subdistrict,
        string.Join("\n", r.Activities), string.Join("\n", r.Problems), string.Join("\n", r.Plans),
        r.CertifiedBy, r.Photos, string.Join("\n", r.PhotoLinks), r.MapLink,
    ];

    private static IReadOnlyList<string> Distinct(IEnumerable<string> items) =>
        [.. items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string DistrictOf(string? district) => string.IsNullOrWhiteSpace(district) ? WeeklyDigestCalculator.UnknownDistrict : district.Trim();
}
