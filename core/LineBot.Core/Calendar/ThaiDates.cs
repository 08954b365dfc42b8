using System.Globalization;

namespace LineBot.Calendar;

/// <summary>Dates the way Thai officials write them: Buddhist Era years, Thai month names (th-TH, ThaiBuddhistCalendar).</summary>
internal static class ThaiDates
{
    /// <summary>th-TH with its default ThaiBuddhistCalendar, so "yyyy" prints the BE year.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.ReadOnly(new CultureInfo("th-TH"));

    public const int BuddhistEraOffset = 543;

    public static int ToBuddhistYear(int year) => year + BuddhistEraOffset;

    /// <summary>"ม.ค." … "ธ.ค." (index 0 = January).</summary>
    public static IReadOnlyList<string> MonthAbbreviations { get; } = [.. Culture.DateTimeFormat.AbbreviatedMonthNames.Take(12)];

    /// <summary>"มกราคม" … "ธันวาคม" (index 0 = January).</summary>
    public static IReadOnlyList<string> MonthNames { get; } = [.. Culture.DateTimeFormat.MonthNames.Take(12)];

    /// <summary>"25 พ.ย. 2569".</summary>
    public static string Short(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    /// <summary>"25 พ.ย." (no year).</summary>
    public static string DayMonth(DateOnly date) => $"{date.Day} {MonthAbbreviations[date.Month - 1]}";

    /// <summary>"วันพุธที่ 25 พฤศจิกายน 2569".</summary>
    public static string Long(DateOnly date) => $"{Culture.DateTimeFormat.GetDayName(date.DayOfWeek)}ที่ {date.ToString("d MMMM yyyy", Culture)}";

    /// <summary>"พ.", "พฤ.": the weekday abbreviation, for compact lists of days.</summary>
    public static string DayAbbreviation(DateOnly date) => Culture.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek);

    /// <summary>"พ. 25": weekday abbreviation and day of month, for "missing days" lists.</summary>
    public static string DayOfWeekAndDay(DateOnly date) => $"{DayAbbreviation(date)} {date.Day}";

    /// <summary>"พฤศจิกายน 2569".</summary>
    public static string MonthYear(int year, int month) => $"{MonthNames[month - 1]} {ToBuddhistYear(year)}";

    /// <summary>"17–23 พ.ย. 2569", "24 พ.ย. – 7 ธ.ค. 2569", "29 ธ.ค. 2568 – 4 ม.ค. 2569".</summary>
    public static string Range(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return Short(from);
        }

        if (from.Year != to.Year)
        {
            return $"{Short(from)} – {Short(to)}";
        }

        return from.Month == to.Month
            ? $"{from.Day}–{to.Day} {MonthAbbreviations[to.Month - 1]} {ToBuddhistYear(to.Year)}"
            : $"{DayMonth(from)} – {Short(to)}";
    }

    /// <summary>"สัปดาห์ 17–23 พ.ย. 2569".</summary>
    public static string Week(ReportWeek week) => $"สัปดาห์ {Range(week.Monday, week.Sunday)}";

    /// <summary>"16.30 น.".</summary>
    public static string Time(TimeOnly time) => $"{time.Hour:00}.{time.Minute:00} น.";

    /// <summary>Arabic digits to Thai digits (๐–๙), for official-looking text.</summary>
    public static string ToThaiDigits(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= '0' and <= '9' ? (char)('๐' + (c - '0')) : c;
        }
    });

    /// <summary>Thai digits (๐–๙) to Arabic digits; everything else unchanged.</summary>
    public static string ToArabicDigits(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c;
        }
    });
}
