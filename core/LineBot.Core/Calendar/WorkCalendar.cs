using System.Globalization;

namespace LineBot.Calendar;

/// <summary>A reporting week: Monday to Sunday (local dates).</summary>
internal readonly record struct ReportWeek(DateOnly Monday)
{
    public DateOnly Sunday => Monday.AddDays(6);

    public bool Contains(DateOnly date) => date >= Monday && date <= Sunday;

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays);

    public ReportWeek Previous => new(Monday.AddDays(-7));

    public ReportWeek Next => new(Monday.AddDays(7));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Monday:yyyy-MM-dd}..{Sunday:yyyy-MM-dd}");
}

/// <summary>
/// Working days: Monday–Friday, minus public holidays and ad-hoc days off. Pure; the caller loads the
/// holidays (<see cref="HolidayStore"/>) and works in Asia/Bangkok dates (<see cref="BotClock.Today"/>).
/// </summary>
internal static class WorkCalendar
{
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static bool IsWorkingDay(DateOnly date, IReadOnlySet<DateOnly> holidays) => !IsWeekend(date) && !holidays.Contains(date);

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both included; empty when to &lt; from.</summary>
    public static IReadOnlyList<DateOnly> WorkingDays(DateOnly from, DateOnly to, IReadOnlySet<DateOnly> holidays)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d, holidays))
            {
                days.Add(d);
            }
        }

        return days;
    }

    /// <summary>The Monday–Sunday week a date falls in.</summary>
    public static ReportWeek WeekOf(DateOnly date)
    {
        // DayOfWeek: Sunday = 0, so Sunday belongs to the week that started six days earlier.
        var sinceMonday = ((int)date.DayOfWeek + 6) % 7;
        return new ReportWeek(date.AddDays(-sinceMonday));
    }

    public static DateOnly FirstWorkingDayOfMonth(int year, int month, IReadOnlySet<DateOnly> holidays)
    {
        var day = new DateOnly(year, month, 1);
        while (!IsWorkingDay(day, holidays))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    public static DateOnly LastWorkingDayOfMonth(int year, int month, IReadOnlySet<DateOnly> holidays)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (!IsWorkingDay(day, holidays))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>ISO 8601 week label, e.g. "2026-W48" (the ISO year can differ from the calendar year around New Year).</summary>
    public static string IsoWeekLabel(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }
}
