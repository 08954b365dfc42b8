using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Exports;

/// <summary>What a compilation's day grid is drawn from: the period's roster, reports, holidays, leave and go-live.</summary>
internal sealed record DayGridInput(
    IReadOnlyList<Reporter> Reporters,
    IReadOnlyList<DailyReport> Reports,
    IReadOnlySet<DateOnly> Holidays,
    IReadOnlyList<LeaveEntry> Leave,
    DateOnly? GoLive,
    DateOnly From,
    DateOnly Through,
    DateOnly CountedThrough)
{
    /// <summary>Only this district's reporters (an officer's export); null for the whole province.</summary>
    public string? District { get; init; }
}

/// <summary>
/// One row per field worker, one column per day: sent, missing, on leave, holiday, weekend or not owed (before
/// their start or go-live, after their end), so that leave and holidays never read as missing. Missing is exactly
/// what the digests count (<see cref="OwedDays"/>).
/// </summary>
internal static class DayGrid
{
    public const string SheetName = "ส่งรายวัน";

    public static readonly Shaded Sent = new("ส่ง", Shade.Good);
    public static readonly Shaded Missing = new("ขาด", Shade.Bad);
    public static readonly Shaded OnLeave = new("ลา", Shade.Away);
    public static readonly Shaded Holiday = new("หยุด", Shade.Off);
    public static readonly Shaded Weekend = new("", Shade.Off);
    public static readonly Shaded NotOwed = new("–", Shade.None);

    /// <summary>Columns before the day columns (they stay in view when scrolling right).</summary>
    public const int LeadingColumns = 2;

    public static Sheet Sheet(DayGridInput input)
    {
        var days = new List<DateOnly>();
        for (var d = input.From; d <= input.Through; d = d.AddDays(1))
        {
            days.Add(d);
        }

        List<SheetColumn> columns =
        [
            new("อำเภอ", Meaning: "อำเภอที่ผู้รายงานสังกัด"),
            new("ผู้รายงาน", Meaning: "ชื่อผู้รายงานตามทะเบียน"),
            .. days.Select(d => new SheetColumn(ThaiDates.DayMonth(d), ColumnKind.Mark, 9) { Date = d }),
            new("ส่ง (วัน)", ColumnKind.Number, Meaning: "จำนวนวันที่ส่งรายงาน (รวมวันหยุดและวันลาที่ส่งมาด้วย)"),
            new("ต้องส่ง (วัน)", ColumnKind.Number, Meaning: "วันทำการที่ต้องส่ง ไม่นับวันหยุด วันลา และวันก่อนเริ่มงานหรือหลังพ้นงาน นับถึงวันที่ออกรายงาน"),
            new("ขาด (วัน)", ColumnKind.Number, Meaning: "วันที่ต้องส่งแต่ยังไม่มีรายงาน (ตรงกับตัวเลขในแผ่นงานสรุป)"),
            new("ลา (วัน)", ColumnKind.Number, Meaning: "วันทำการในช่วงนี้ที่บันทึกลาไว้"),
        ];

        return new Sheet(SheetName, columns, Rows(input, days))
        {
            About = "ทุกวันของผู้รายงานแต่ละคน: ส่งแล้ว ขาดส่ง ลา หรือวันหยุด แถวละหนึ่งคนครับ",
            Notes =
            [
                ("ช่องของแต่ละวัน", $"{Sent.Text} = ส่งรายงานแล้ว, {Missing.Text} = ต้องส่งแต่ยังไม่ส่ง, {OnLeave.Text} = ลา (ไม่นับเป็นขาด), "
                    + $"{Holiday.Text} = วันหยุดราชการ, ช่องสีเทาว่าง = เสาร์-อาทิตย์, {NotOwed.Text} = ยังไม่เริ่มงานหรือพ้นงานแล้ว (ไม่ต้องส่ง), ช่องว่าง = ยังไม่ถึงวัน"),
            ],
            FrozenColumns = LeadingColumns,
        };
    }

    /// <summary>The mark of one reporter-day (reported wins: a report on a day off still counts as sent).</summary>
    public static Shaded Mark(Reporter reporter, DateOnly date, DayGridInput input, IReadOnlySet<DateOnly> reported, IReadOnlySet<DateOnly> owed)
    {
        if (reported.Contains(date))
        {
            return Sent;
        }

        if (input.Holidays.Contains(date))
        {
            return Holiday;
        }

        if (WorkCalendar.IsWeekend(date))
        {
            return Weekend;
        }

        if (input.Leave.Any(l => l.ReporterId == reporter.Id && l.Covers(date)) && Employed(reporter, date, input.GoLive))
        {
            return OnLeave;
        }

        if (date > input.CountedThrough)
        {
            return new Shaded("", Shade.None);
        }

        return owed.Contains(date) ? Missing : NotOwed;
    }

    private static IEnumerable<IReadOnlyList<object?>> Rows(DayGridInput input, IReadOnlyList<DateOnly> days)
    {
        var countedThrough = input.CountedThrough < input.Through ? input.CountedThrough : input.Through;
        var reported = input.Reports
            .Where(r => r.Date is { } d && d >= input.From && d <= input.Through)
            .GroupBy(r => r.ReporterId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<DateOnly>)g.Select(r => r.Date!.Value).ToHashSet(), StringComparer.Ordinal);
        var people = input.Reporters
            .Where(r => r.ExpectedToReport && OwedDays.Overlaps(r, input.From, input.Through, input.GoLive))
            .Where(r => input.District is null || DigestService.DistrictOf(r.District) == input.District)
            .GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(r => DigestService.DistrictOf(r.District) == WeeklyDigestCalculator.UnknownDistrict ? 1 : 0)
            .ThenBy(r => DigestService.DistrictOf(r.District), WeeklyDigestCalculator.ThaiOrder)
            .ThenBy(r => r.Name, WeeklyDigestCalculator.ThaiOrder);
        foreach (var reporter in people)
        {
            var sent = reported.GetValueOrDefault(reporter.Id) ?? new HashSet<DateOnly>();
            var owed = input.From <= countedThrough
                ? OwedDays.For(reporter, input.From, countedThrough, input.GoLive, input.Holidays, input.Leave).ToHashSet()
                : [];
            var marks = days.Select(d => Mark(reporter, d, input, sent, owed)).ToList();
            yield return
            [
                DigestService.DistrictOf(reporter.District), reporter.Name, .. marks,
                sent.Count, owed.Count, owed.Count(d => !sent.Contains(d)), marks.Count(m => m == OnLeave),
            ];
        }
    }

    /// <summary>Whether the reporter was in post that day (leave outside their span is not shown).</summary>
    private static bool Employed(Reporter reporter, DateOnly date, DateOnly? goLive) =>
        (OwedDays.From(reporter, goLive) is not { } first || first <= date) && (reporter.EndDate is not { } end || end >= date);
}
