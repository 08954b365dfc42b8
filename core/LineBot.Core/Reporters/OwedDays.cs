using LineBot.Calendar;

namespace LineBot.Reporters;

/// <summary>
/// The one rule for which days a field worker owes a report, used by the digests, reminders, <c>/ยังไม่ส่ง</c>,
/// <c>/ของฉัน</c>, <c>/สถานะ</c> and the monthly job alike: working days (Mon–Fri minus holidays) from the later of
/// the reporter's start date and the day the bot joined the group (go-live), to the earlier of the period's end
/// (today at most) and the reporter's end date, minus their leave. Officers and admins owe nothing.
/// </summary>
internal static class OwedDays
{
    /// <summary>The first day <paramref name="reporter"/> can owe: the later of their start and go-live (null = no bound).</summary>
    public static DateOnly? From(Reporter reporter, DateOnly? goLive) =>
        (reporter.StartDate, goLive) switch
        {
            ({ } start, { } live) => start > live ? start : live,
            ({ } start, null) => start,
            (null, var live) => live,
        };

    /// <summary>The days owed in <paramref name="from"/>..<paramref name="through"/> (both included, through already capped at today by the caller).</summary>
    public static IReadOnlyList<DateOnly> For(
        Reporter reporter,
        DateOnly from,
        DateOnly through,
        DateOnly? goLive,
        IReadOnlySet<DateOnly> holidays,
        IEnumerable<LeaveEntry> leave)
    {
        if (!reporter.ExpectedToReport)
        {
            return [];
        }

        if (From(reporter, goLive) is { } first && first > from)
        {
            from = first;
        }

        if (reporter.EndDate is { } end && end < through)
        {
            through = end;
        }

        var own = leave.Where(l => l.ReporterId == reporter.Id && l.From <= through && l.To >= from).ToList();
        return [.. WorkCalendar.WorkingDays(from, through, holidays).Where(d => !own.Exists(l => l.Covers(d)))];
    }

    /// <summary>Whether <paramref name="reporter"/> can owe anything in the period (it overlaps their start–end span).</summary>
    public static bool Overlaps(Reporter reporter, DateOnly from, DateOnly through, DateOnly? goLive) =>
        reporter.ExpectedToReport
        && (From(reporter, goLive) is not { } first || first <= through)
        && (reporter.EndDate is not { } end || end >= from);
}
