using LineBot.Calendar;
using LineBot.Reports;

namespace LineBot.Exports;

/// <summary>Activities that read the same (identical or near-identical text), with the days they were done.</summary>
internal sealed record ActivityGroup(string Text, IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> Variants);

/// <summary>A planned item and whether a matching activity was reported.</summary>
internal sealed record PlanResult(string Plan, bool Done, IReadOnlyList<DateOnly> Dates, string? MatchedActivity);

/// <summary>The draft of a reporter's monthly results report (แผน–ผล), to edit before sending.</summary>
internal sealed record MonthlyResults(
    string Reporter,
    int Year,
    int Month,
    /// <summary>The working days the reporter owed a report (from their start or go-live, to their end; leave excluded).</summary>
    int WorkingDays,
    int DaysReported,
    int DaysCertified,
    int Photos,
    IReadOnlyList<ActivityGroup> Activities,
    IReadOnlyList<(DateOnly Date, string Text)> Problems,
    IReadOnlyList<PlanResult> Plan);

/// <summary>Builds the monthly แผน–ผล draft from a reporter's DailyReports of one month and their planned items.</summary>
internal static class MonthlyResultsExport
{
    /// <summary>Activities at least this similar are one group.</summary>
    public const double GroupSimilarity = 0.75;

    /// <summary>A plan item counts as done when an activity contains it, or is at least this similar.</summary>
    public const double PlanSimilarity = 0.5;

    /// <summary>
    /// <paramref name="storedPhotosByDay"/>: the reporter's stored photos per date (attached or not); a day counts the
    /// larger of that and its reports' own counts, so photos sent without a report still count as evidence.
    /// <paramref name="owedDays"/>: the days the reporter owed that month (<see cref="Reporters.OwedDays"/>, as the
    /// digests count them); without it, every working day of the month.
    /// </summary>
    public static MonthlyResults Calculate(
        string reporter, int year, int month, IReadOnlyList<DailyReport> reports, IReadOnlyList<string> planned, IReadOnlySet<DateOnly> holidays,
        IReadOnlyDictionary<DateOnly, int>? storedPhotosByDay = null, int? owedDays = null)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var inMonth = reports.Where(r => r.Date is { } d && d >= first && d <= last).OrderBy(r => r.Date).ThenBy(r => r.ReceivedAt).ToList();
        var days = inMonth.GroupBy(r => r.Date!.Value).ToList();

        var groups = new List<(string Key, string Text, List<DateOnly> Dates, List<string> Variants)>();
        foreach (var report in inMonth)
        {
            foreach (var activity in report.Activities.Select(a => a.Trim()).Where(a => a.Length > 0))
            {
                var key = TextSimilarity.Normalize(activity);
                var group = groups.FindIndex(g => g.Key == key || TextSimilarity.Dice(g.Key, key) >= GroupSimilarity);
                if (group < 0)
                {
                    groups.Add((key, activity, [report.Date!.Value], [activity]));
                    continue;
                }

                var g = groups[group];
                if (!g.Dates.Contains(report.Date!.Value))
                {
                    g.Dates.Add(report.Date!.Value);
                }

                if (!g.Variants.Contains(activity, StringComparer.Ordinal))
                {
                    g.Variants.Add(activity);
                }
            }
        }

        var plan = planned.Select(p => p.Trim()).Where(p => p.Length > 0).Select(p =>
        {
            var key = TextSimilarity.Normalize(p);
            var matches = groups.Where(g => key.Length > 0 && (g.Key.Contains(key, StringComparison.Ordinal) || key.Contains(g.Key, StringComparison.Ordinal) || TextSimilarity.Dice(g.Key, key) >= PlanSimilarity)).ToList();
            return new PlanResult(p, matches.Count > 0, [.. matches.SelectMany(m => m.Dates).Distinct().Order()], matches.FirstOrDefault().Text);
        }).ToList();

        return new MonthlyResults(
            reporter,
            year,
            month,
            owedDays ?? WorkCalendar.WorkingDays(first, last, holidays).Count,
            days.Count,
            days.Count(d => d.Any(r => r.IsCertified)),
            Photos(inMonth, storedPhotosByDay, first, last),
            [.. groups.Select(g => new ActivityGroup(g.Text, g.Dates, g.Variants))],
            [.. inMonth.SelectMany(r => r.Problems.Select(p => (r.Date!.Value, p.Trim()))).Where(p => p.Item2.Length > 0).Distinct()],
            plan);
    }

    private static int Photos(IReadOnlyList<DailyReport> inMonth, IReadOnlyDictionary<DateOnly, int>? stored, DateOnly first, DateOnly last)
    {
        var byDay = inMonth.GroupBy(r => r.Date!.Value).ToDictionary(g => g.Key, g => g.Sum(r => r.PhotoCount));
        foreach (var (date, count) in stored ?? new Dictionary<DateOnly, int>())
        {
            if (date >= first && date <= last)
            {
                byDay[date] = Math.Max(byDay.GetValueOrDefault(date), count);
            }
        }

        return byDay.Values.Sum();
    }

    /// <summary>The draft workbook; with <paramref name="days"/> (the reporter alone in its roster), their day grid follows the summary.</summary>
    public static byte[] Xlsx(MonthlyResults results, DayGridInput? days = null) => Workbook.Xlsx(Sheets(results, days), About(results));

    public static string About(MonthlyResults r) =>
        $"ร่างรายงานแผน–ผล {ThaiDates.MonthYear(r.Year, r.Month)} ของ{r.Reporter} ทำจากรายงานประจำวันในกลุ่มไลน์ ตรวจและแก้ไขได้ก่อนส่งครับ";

    public static IEnumerable<Sheet> Sheets(MonthlyResults r, DayGridInput? days = null)
    {
        yield return new Sheet("สรุป", [new SheetColumn("หัวข้อ", Width: 24), new SheetColumn("ค่า", Width: 24)],
        [
            ["ผู้รายงาน", r.Reporter],
            ["เดือน", new YearMonth(r.Year, r.Month)],
            ["วันทำการที่ต้องส่ง", r.WorkingDays],
            ["วันที่ส่งรายงาน", r.DaysReported],
            ["วันที่รับรองแล้ว", r.DaysCertified],
            ["ภาพถ่าย", r.Photos],
            ["แผนที่ทำแล้ว", $"{r.Plan.Count(p => p.Done)}/{r.Plan.Count}"],
        ])
        {
            About = "ตัวเลขของเดือน: วันทำการที่ต้องส่งไม่นับวันหยุดและวันลาครับ",
        };
        if (days is not null)
        {
            yield return DayGrid.Sheet(days);
        }

        yield return new Sheet("แผน-ผล",
            [
                new SheetColumn("แผนงาน", ColumnKind.LongText, 40, "งานที่วางแผนไว้ของเดือน"),
                new SheetColumn("ผล", Width: 18, Meaning: "ดำเนินการแล้ว เมื่อพบกิจกรรมที่ตรงหรือใกล้เคียงในรายงาน"),
                new SheetColumn("วันที่ทำ", ColumnKind.LongText, 24, "วันที่รายงานกิจกรรมที่ตรงกัน"),
                new SheetColumn("กิจกรรมที่ตรงกัน", ColumnKind.LongText, 40, "ข้อความกิจกรรมที่จับคู่ได้"),
            ],
            [.. r.Plan.Select(p => (IReadOnlyList<object?>)[p.Plan, p.Done ? "ดำเนินการแล้ว" : "ยังไม่พบในรายงาน", string.Join(", ", p.Dates.Select(ThaiDates.DayMonth)), p.MatchedActivity])])
        {
            About = "แผนงานแต่ละข้อกับผลที่พบในรายงานครับ",
        };
        yield return new Sheet("กิจกรรม",
            [
                new SheetColumn("กิจกรรม", ColumnKind.LongText, 40, "กิจกรรม (ข้อความที่คล้ายกันรวมเป็นข้อเดียว)"),
                new SheetColumn("จำนวนวัน", ColumnKind.Number, Meaning: "จำนวนวันที่ทำกิจกรรมนี้"),
                new SheetColumn("วันที่", ColumnKind.LongText, 30, "วันที่ทำ"),
                new SheetColumn("ข้อความที่รายงาน", ColumnKind.LongText, 45, "ข้อความต่าง ๆ ที่รายงานมา บรรทัดละหนึ่งแบบ"),
            ],
            [.. r.Activities.Select(a => (IReadOnlyList<object?>)[a.Text, a.Dates.Count, string.Join(", ", a.Dates.Select(ThaiDates.DayMonth)), string.Join("\n", a.Variants)])])
        {
            About = "กิจกรรมทั้งเดือน รวมข้อความที่คล้ายกันครับ",
        };
        yield return new Sheet("ปัญหา",
            [new SheetColumn("วันที่", ColumnKind.Date, Meaning: "วันที่รายงานปัญหา"), new SheetColumn("ปัญหา/อุปสรรค", ColumnKind.LongText, 60)],
            [.. r.Problems.Select(p => (IReadOnlyList<object?>)[p.Date, p.Text])])
        {
            About = "ปัญหาและอุปสรรคที่รายงานในเดือนครับ",
        };
    }
}
