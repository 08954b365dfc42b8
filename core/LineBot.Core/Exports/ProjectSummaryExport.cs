using LineBot.Calendar;
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
    public static byte[] Xlsx(IReadOnlyList<Reporter> reporters, IReadOnlyList<DailyReport> reports) => Workbook.Xlsx(Sheets(reporters, reports));

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

        yield return new Sheet("รายคน", ["อำเภอ", "ผู้รายงาน", "เดือน", "วันที่ส่ง", "วันที่รับรอง", "ร้อยละรับรอง", "ภาพถ่าย", "ปัญหา (เรื่อง)"],
            [.. days.GroupBy(d => (d.District, d.ReporterId, d.Name, d.Date.Year, d.Date.Month))
                .OrderBy(g => g.Key.District, WeeklyDigestCalculator.ThaiOrder).ThenBy(g => g.Key.Name, WeeklyDigestCalculator.ThaiOrder).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Month)
                .Select(g => (IReadOnlyList<object?>)
                [
                    g.Key.District, g.Key.Name, ThaiDates.MonthYear(g.Key.Year, g.Key.Month), g.Count(), g.Count(d => d.Certified),
                    Math.Round(100.0 * g.Count(d => d.Certified) / g.Count(), 1), g.Sum(d => d.Photos), g.Sum(d => d.Problems.Count),
                ])]);

        yield return new Sheet("รายอำเภอ", ["อำเภอ", "เดือน", "ผู้ส่งรายงาน (คน)", "วันที่ส่ง", "วันที่รับรอง", "ร้อยละรับรอง", "ภาพถ่าย", "ปัญหา (เรื่อง)"],
            [.. days.GroupBy(d => (d.District, d.Date.Year, d.Date.Month))
                .OrderBy(g => g.Key.District, WeeklyDigestCalculator.ThaiOrder).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Month)
                .Select(g => (IReadOnlyList<object?>)
                [
                    g.Key.District, ThaiDates.MonthYear(g.Key.Year, g.Key.Month), g.Select(d => d.ReporterId).Distinct().Count(), g.Count(),
                    g.Count(d => d.Certified), Math.Round(100.0 * g.Count(d => d.Certified) / g.Count(), 1), g.Sum(d => d.Photos), g.Sum(d => d.Problems.Count),
                ])]);

        yield return new Sheet("ปัญหา", ["วันที่", "อำเภอ", "ผู้รายงาน", "ปัญหา/อุปสรรค"],
            [.. days.OrderBy(d => d.Date).ThenBy(d => d.District, WeeklyDigestCalculator.ThaiOrder).ThenBy(d => d.Name, WeeklyDigestCalculator.ThaiOrder)
                .SelectMany(d => d.Problems.Select(p => (IReadOnlyList<object?>)[ThaiDates.Short(d.Date), d.District, d.Name, p]))]);
    }
}
