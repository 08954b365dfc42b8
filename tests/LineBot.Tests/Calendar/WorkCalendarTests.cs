using LineBot.Calendar;

namespace LineBot.Tests.Calendar;

public sealed class WorkCalendarTests
{
    private static readonly HashSet<DateOnly> Holidays = [new(2026, 12, 7), new(2026, 12, 10)];

    [Theory]
    [InlineData("2026-11-25", "2026-11-23")] // Wednesday
    [InlineData("2026-11-23", "2026-11-23")] // Monday
    [InlineData("2026-11-29", "2026-11-23")] // Sunday belongs to the week before
    [InlineData("2027-01-02", "2026-12-28")] // across New Year
    public void WeekOf_AnyDay_IsMondayToSunday(string date, string monday)
    {
        var week = WorkCalendar.WeekOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), week.Monday);
        Assert.Equal(DayOfWeek.Sunday, week.Sunday.DayOfWeek);
        Assert.Equal(7, week.Days.Count());
    }

    [Fact]
    public void IsWorkingDay_WeekendsAndHolidays_AreNot()
    {
        Assert.True(WorkCalendar.IsWorkingDay(new DateOnly(2026, 12, 8), Holidays));
        Assert.False(WorkCalendar.IsWorkingDay(new DateOnly(2026, 12, 7), Holidays));
        Assert.False(WorkCalendar.IsWorkingDay(new DateOnly(2026, 12, 12), Holidays));
        Assert.False(WorkCalendar.IsWorkingDay(new DateOnly(2026, 12, 13), Holidays));
    }

    [Fact]
    public void WorkingDays_WeekWithTwoHolidays_IsThree()
    {
        var days = WorkCalendar.WorkingDays(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13), Holidays);

        Assert.Equal([new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 11)], days);
        Assert.Empty(WorkCalendar.WorkingDays(new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 8), Holidays));
    }

    [Fact]
    public void FirstWorkingDayOfMonth_SkipsWeekendAndHoliday()
    {
        // 1 Jan 2028 is a Saturday; 3 Jan (Monday) made a holiday here → Tuesday 4 Jan.
        Assert.Equal(new DateOnly(2028, 1, 4), WorkCalendar.FirstWorkingDayOfMonth(2028, 1, new HashSet<DateOnly> { new(2028, 1, 3) }));
        Assert.Equal(new DateOnly(2026, 12, 1), WorkCalendar.FirstWorkingDayOfMonth(2026, 12, Holidays));
        Assert.Equal(new DateOnly(2026, 12, 30), WorkCalendar.LastWorkingDayOfMonth(2026, 12, new HashSet<DateOnly> { new(2026, 12, 31) }));
    }

    [Theory]
    [InlineData("2026-11-25", "2026-W48")]
    [InlineData("2027-01-01", "2026-W53")]
    [InlineData("2025-12-29", "2026-W01")]
    public void IsoWeekLabel_UsesIsoYear(string date, string label) =>
        Assert.Equal(label, WorkCalendar.IsoWeekLabel(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ThaiPublicHolidays_HaveTheFixedDatesForEveryShippedYear()
    {
        foreach (var year in new[] { 2025, 2026, 2027 })
        {
            var dates = ThaiPublicHolidays.ForYear(year).Select(h => h.Date).ToHashSet();
            foreach (var (month, day) in new[] { (1, 1), (4, 6), (4, 13), (4, 14), (4, 15), (5, 1), (5, 4), (6, 3), (7, 28), (8, 12), (10, 13), (10, 23), (12, 5), (12, 10), (12, 31) })
            {
                Assert.Contains(new DateOnly(year, month, day), dates);
            }

            // Four lunar holidays each year.
            Assert.Equal(4, ThaiPublicHolidays.ForYear(year).Count(h => h.Name is "วันมาฆบูชา" or "วันวิสาขบูชา" or "วันอาสาฬหบูชา" or "วันเข้าพรรษา"));
        }

        // A substitution day for every fixed or lunar holiday on a weekend (2026: Visakha on Sun 31 May, Father's day on Sat 5 Dec).
        Assert.Contains(ThaiPublicHolidays.All, h => h.Date == new DateOnly(2026, 6, 1));
        Assert.Contains(ThaiPublicHolidays.All, h => h.Date == new DateOnly(2026, 12, 7));
        Assert.Equal(ThaiPublicHolidays.All.Count, ThaiPublicHolidays.All.Select(h => h.Date).Distinct().Count());
    }
}
