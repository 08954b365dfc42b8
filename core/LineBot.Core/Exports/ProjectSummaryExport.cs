using LineBot.Digests;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Exports;

/// <summary>
/// The end-of-project summary workbook: per reporter per month, per district per month (days reported,
/// certification, photos, problems), and every problem raised with its date.
/// </summary>
internal static class ProjectSummaryExport
{
    public const string About = "สรุปทั้งโครงการ: รายคนรายเดือน รายอำเภอรายเดือน และปัญหาทุกเรื่องที่รายงาน เดือนเป็นวันที่จริงจึงเรียงและกรองได้ครับ";

    public static byte[] Xlsx(IReadOnlyList<Reporter> reporters, IReadOnlyList<DailyReport> reports) => Workbook.Xlsx(Sheets(reporters, reports), About);

    private static readonly SheetColumn District = new("อำเภอ", Width: 16);
    private static readonly SheetColumn Month = new("เดือน", ColumnKind.Month, Meaning: "เดือนของรายงาน");
    private static readonly SheetColumn Reported = new("วันที่ส่ง", ColumnKind.Number, Meaning: "จำนวนวันที่มีรายงาน");
    private static readonly SheetColumn Certified = new("วันที่รับรอง", ColumnKind.Number, Meaning: "วันที่มีรายงานที่มีผู้รับรอง");
    private static readonly SheetColumn Rate = new("ร้อยละรับรอง", ColumnKind.Decimal, Meaning: "วันที่รับรอง ÷ วันที่ส่ง × 100");
    private static readonly SheetColumn Photos = new("ภาพถ่าย", ColumnKind.Number, Meaning: "จำนวนภาพที่รายงานไว้");
    private static readonly SheetColumn ProblemCount = new("ปัญหา (เรื่อง)", ColumnKind.Number, Meaning: "จำนวนปัญหา/อุปสรรคที่รายงาน");

    public static IEnumerable<Sheet> Sheets(IReadOnlyList<Reporter> reporters, IReadOnlyList<DailyReport> reports)
    {
        var roster = reporters.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var days = reports
            .Where(r => r.Date is not null)
            .GroupBy(r => (r.ReporterId, Date: r.Date!.Value))
            .Select(g =>
            {
                var reporter = roster.GetValueOrDefault(g.Key.ReporterId);
                var district = reporter?.District ?? g.First().District;
                return new
                {
                    g.Key.ReporterId,
                    g.Key.Date,
                    Name = reporter?.Name ?? g.Last().ReporterName,
                    District = string.IsNullOrWhiteSpace(district) ? WeeklyDigestCalculator.UnknownDistrict : district.Trim(),
                    Certified = g.Any(r => r.IsCertified),
                    Photos = g.Sum(r => r.PhotoCount),
                    Problems = g.SelectMany(r => r.Problems).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
                };
            })
            .ToList();

        yield return new Sheet("รายคน", [District, new SheetColumn("ผู้รายงาน", Width: 24), Month, Reported, Certified, Rate, Photos, ProblemCount],
            [.. days.GroupBy(d => (d.District, d.ReporterId, d.Name, d.Date.Year, d.Date.Month))
                .OrderBy(g => g.Key.District, WeeklyDigestCalculator.ThaiOrder).ThenBy(g => g.Key.Name, WeeklyDigestCalculator.ThaiOrder).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Month)
                .Select(g => (IReadOnlyList<object?>)
                [
                    g.Key.District, g.Key.Name, new YearMonth(g.Key.Year, g.Key.Month), g.Count(), g.Count(d => d.Certified),
                    Math.Round(100.0 * g.Count(d => d.Certified) / g.Count(), 1), g.Sum(d => d.Photos), g.Sum(d => d.Problems.Count),
                ])])
        {
            About = "หนึ่งแถวต่อผู้รายงานหนึ่งเดือนครับ",
        };

        yield return new Sheet("รายอำเภอ", [District, Month, new SheetColumn("ผู้ส่งรายงาน (คน)", ColumnKind.Number, Meaning: "จำนวนคนที่ส่งรายงานในเดือน"), Reported, Certified, Rate, Photos, ProblemCount],
            [.. days.GroupBy(d => (d.District, d.Date.Year, d.Date.Month))
                .OrderBy(g => g.Key.District, WeeklyDigestCalculator.ThaiOrder).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Month)
                .Select(g => (IReadOnlyList<object?>)
                [
                    g.Key.District, new YearMonth(g.Key.Year, g.Key.Month), g.Select(d => d.ReporterId).Distinct().Count(), g.Count(),
                    g.Count(d => d.Certified), Math.Round(100.0 * g.Count(d => d.Certified) / g.Count(), 1), g.Sum(d => d.Photos), g.Sum(d => d.Problems.Count),
                ])])
        {
            About = "หนึ่งแถวต่ออำเภอหนึ่งเดือน (คน×วัน รวมทุกคน)ครับ",
        };

        yield return new Sheet("ปัญหา", [new SheetColumn("วันที่", ColumnKind.Date, Meaning: "วันที่รายงานปัญหา"), District, new SheetColumn("ผู้รายงาน", Width: 24), new SheetColumn("ปัญหา/อุปสรรค", ColumnKind.LongText, 60)],
            days.OrderBy(d => d.Date).ThenBy(d => d.District, WeeklyDigestCalculator.ThaiOrder).ThenBy(d => d.Name, WeeklyDigestCalculator.ThaiOrder)
                .SelectMany(d => d.Problems.Select(p => (IReadOnlyList<object?>)[d.Date, d.District, d.Name, p])))
        {
            About = "ปัญหาและอุปสรรคทุกเรื่องตามวันที่ครับ",
        };
    }
}
