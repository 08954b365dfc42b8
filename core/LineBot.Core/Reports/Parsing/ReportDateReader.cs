using System.Globalization;
using LineBot.Calendar;
using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

internal enum DateStatus
{
    NotFound,
    Found,
    Impossible,
}

/// <summary>
/// A date as written: <see cref="Year"/> is CE, or null when none was written. A relative date ("เมื่อวาน",
/// "วันจันทร์") has <see cref="DaysAgo"/> or <see cref="Weekday"/> instead of a day and month.
/// </summary>
internal readonly record struct WrittenDate(DateStatus Status, int Day, int Month, int? Year)
{
    /// <summary>The year was written with two digits (read as BE; the parser may take it as CE when that is nearer).</summary>
    public bool ShortYear { get; init; }

    /// <summary>0 for "วันนี้", 1 for "เมื่อวาน", 2 for "เมื่อวานซืน".</summary>
    public int? DaysAgo { get; init; }

    /// <summary>A weekday named alone: the most recent such day, today included.</summary>
    public DayOfWeek? Weekday { get; init; }

    public bool IsRelative => DaysAgo is not null || Weekday is not null;
}

/// <summary>
/// Finds the first date in a line as Thai field workers write it: "25 พ.ย. 69", "25 พฤศจิกายน 2569",
/// "๒๕ พย. ๖๙", "25/11/2569", "25-11-69", "25.11.2026", "2026-11-25", "วันพุธที่ 25 พ.ย. พ.ศ. 2569 เวลา 16.30 น.".
/// Works on spans: no regex and no allocation. Month names come from th-TH (<see cref="ThaiDates"/>).
/// </summary>
internal static class ReportDateReader
{
    // Full names before abbreviations; abbreviations without their dots ("มีค", "ธค").
    private static readonly string[] FullMonths = [.. ThaiDates.MonthNames];
    private static readonly string[] ShortMonths = [.. ThaiDates.MonthAbbreviations.Select(a => a.Replace(".", "", StringComparison.Ordinal))];

    // English month names, in full or three letters ("24 Nov 2026", "25 November 69").
    private static readonly string[] EnglishMonths = [.. CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Take(12)];

    public static WrittenDate Find(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (!IsDigit(s[i]) || (i > 0 && IsDigit(s[i - 1])))
            {
                continue;
            }

            var reading = ReadAt(s, i);
            if (reading.Status != DateStatus.NotFound)
            {
                return reading;
            }
        }

        return default;
    }

    /// <summary>"วันที่ 22" with no month: the day of the month, for a date mentioned in passing ("ส่งรายงานของวันที่ 22 ค่ะ").</summary>
    public static WrittenDate FindDayAfterWord(ReadOnlySpan<char> s)
    {
        var at = s.IndexOf("วันที่", StringComparison.Ordinal);
        if (at < 0)
        {
            return default;
        }

        var i = SkipSpaces(s, at + 6);
        var day = Number(s, i, out var end);
        return end - i is 1 or 2 && day is >= 1 and <= 31 && (end == s.Length || !IsDigit(s[end]))
            ? new WrittenDate(DateStatus.Found, day, 0, null)
            : default;
    }

    /// <summary>A month and year for a monthly plan: "ธันวาคม 2569", "ธ.ค. 69", "12/2569". Day is 1.</summary>
    public static WrittenDate FindMonth(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var atTokenStart = i == 0 || !IsThaiLetter(s[i - 1]) || s[..i].EndsWith("เดือน");
            if (IsDigit(s[i]) && (i == 0 || !IsDigit(s[i - 1])))
            {
                var m = Number(s, i, out var end);
                if (end - i <= 2 && m is >= 1 and <= 12 && end < s.Length && s[end] is '/' or '-' or '.')
                {
                    var y = Number(s, end + 1, out var yEnd);
                    if (yEnd - (end + 1) is 2 or 4 && (yEnd == s.Length || !IsDigit(s[yEnd])))
                    {
                        return new WrittenDate(DateStatus.Found, 1, m, ToCe(y, yEnd - end - 1));
                    }
                }

                continue;
            }

            if (IsThaiLetter(s[i]) && TryMonthName(s, i, atTokenStart, out var month, out var after))
            {
                var year = ReadYear(s, after, out var bad, out _);
                return bad ? new WrittenDate(DateStatus.Impossible, 1, month, null) : new WrittenDate(DateStatus.Found, 1, month, year);
            }
        }

        return default;
    }

    private static WrittenDate ReadAt(ReadOnlySpan<char> s, int i)
    {
        var first = Number(s, i, out var end);
        var firstLength = end - i;
        if (firstLength == 4 && end + 1 < s.Length && s[end] == '-')
        {
            return ReadIso(s, first, end);
        }

        if (firstLength > 2)
        {
            return default;
        }

        // Time "16.30 น." or "เวลา 8.30": never a date.
        var j = SkipSpaces(s, end);
        return j < s.Length && s[j] is '/' or '-' or '.' ? ReadNumeric(s, first, j) : NamedMonth(s, first, j);
    }

    /// <summary>ISO 2026-11-25.</summary>
    private static WrittenDate ReadIso(ReadOnlySpan<char> s, int year, int end)
    {
        var m = Number(s, end + 1, out var mEnd);
        if (mEnd > end + 1 && mEnd - end - 1 <= 2 && mEnd + 1 < s.Length && s[mEnd] == '-')
        {
            var d = Number(s, mEnd + 1, out var dEnd);
            if (dEnd > mEnd + 1 && dEnd - mEnd - 1 <= 2 && (dEnd == s.Length || !IsDigit(s[dEnd])))
            {
                return Checked(d, m, ToCe(year, 4));
            }
        }

        return default;
    }

    /// <summary>"25/11/2569", "25-11-69", "25.11.2026", "25/11"; or "25.พ.ย.69" with a month name after the separator.</summary>
    private static WrittenDate ReadNumeric(ReadOnlySpan<char> s, int day, int j)
    {
        var separator = s[j];
        var mStart = SkipSpaces(s, j + 1);
        var month = Number(s, mStart, out var mEnd);
        if (mEnd == mStart || mEnd - mStart > 2)
        {
            // "25 - พ.ย.", "25.พ.ย.69", "25/พ.ย./69" (a bullet "1." has no month name after it).
            return NamedMonth(s, day, mStart);
        }

        var k = SkipSpaces(s, mEnd);
        if (k < s.Length && s[k] is '/' or '-' or '.')
        {
            var yStart = SkipSpaces(s, k + 1);
            var year = Number(s, yStart, out var yEnd);
            var yLength = yEnd - yStart;
            if (yLength > 0 && (yEnd == s.Length || !IsDigit(s[yEnd])))
            {
                return yLength is 2 or 4 ? Checked(day, month, ToCe(year, yLength)) with { ShortYear = yLength == 2 } : new WrittenDate(DateStatus.Impossible, day, month, null);
            }
        }

        // "25/11" with no year.
        return separator == '/' && (mEnd == s.Length || !IsDigit(s[mEnd])) ? Checked(day, month, null) : default;
    }

    private static WrittenDate NamedMonth(ReadOnlySpan<char> s, int day, int at)
    {
        // The paper form: "วันที่ 25 เดือน พฤศจิกายน พ.ศ. 2569" (or "เดือน 11").
        if (s[at..].StartsWith("เดือน"))
        {
            at = SkipSpaces(s, at + 5);
            if (at < s.Length && IsDigit(s[at]))
            {
                var number = Number(s, at, out var numberEnd);
                return numberEnd - at <= 2 ? Year(s, day, number, numberEnd) : default;
            }
        }

        return TryMonthName(s, at, atTokenStart: true, out var month, out var after) ? Year(s, day, month, after) : default;
    }

    private static WrittenDate Year(ReadOnlySpan<char> s, int day, int month, int after)
    {
        var year = ReadYear(s, after, out var bad, out var digits);
        return bad ? new WrittenDate(DateStatus.Impossible, day, month, null) : Checked(day, month, year) with { ShortYear = digits == 2 };
    }

    /// <summary>An optional "พ.ศ."/"ค.ศ."/"ปี" and a 2- or 4-digit year; a time ("16.30") is not a year.</summary>
    private static int? ReadYear(ReadOnlySpan<char> s, int at, out bool bad, out int digits)
    {
        bad = false;
        digits = 0;
        var i = SkipSpaces(s, at);
        if (i < s.Length && s[i] is '-' or '/' or ',' or '.' && i + 1 < s.Length && (IsDigit(s[i + 1]) || IsSpace(s[i + 1])))
        {
            // "25-พ.ย.-69", "25/พ.ย./69".
            i = SkipSpaces(s, i + 1);
        }

        if (s[i..].StartsWith("ปี"))
        {
            i = SkipSpaces(s, i + 2);
        }

        if (i < s.Length && s[i] is 'พ' or 'ค')
        {
            var k = i + 1;
            while (k < s.Length && (s[k] == '.' || IsSpace(s[k])))
            {
                k++;
            }

            if (k < s.Length && s[k] == 'ศ')
            {
                k++;
                while (k < s.Length && (s[k] == '.' || IsSpace(s[k])))
                {
                    k++;
                }

                i = k;
            }
        }

        var value = Number(s, i, out var end);
        var length = end - i;
        if (length == 0)
        {
            return null;
        }

        if (end + 1 < s.Length && s[end] is '.' or ':' && IsDigit(s[end + 1]) && length <= 2)
        {
            return null;
        }

        if (length is 2 or 4)
        {
            digits = length;
            return ToCe(value, length);
        }

        bad = true;
        return null;
    }

    private static bool TryMonthName(ReadOnlySpan<char> s, int at, bool atTokenStart, out int month, out int end)
    {
        for (var m = 0; m < 12; m++)
        {
            if (s[at..].StartsWith(FullMonths[m]))
            {
                month = m + 1;
                end = at + FullMonths[m].Length;
                return true;
            }
        }

        if (atTokenStart)
        {
            for (var m = 0; m < 12; m++)
            {
                if (MatchAbbreviation(s, at, ShortMonths[m], out end))
                {
                    month = m + 1;
                    return true;
                }
            }
        }

        return TryEnglishMonth(s, at, out month, out end);
    }

    private static bool TryEnglishMonth(ReadOnlySpan<char> s, int at, out int month, out int end)
    {
        var word = at;
        while (word < s.Length && IsLatinLetter(s[word]))
        {
            word++;
        }

        var name = s[at..word];
        for (var m = 0; m < 12 && name.Length >= 3; m++)
        {
            if (EnglishMonths[m].AsSpan().StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                month = m + 1;
                end = word < s.Length && s[word] == '.' ? word + 1 : word;
                return true;
            }
        }

        month = 0;
        end = at;
        return false;
    }

    // "พ.ย.", "พย", "พ. ย.", "พ.ย": dots and single spaces between letters are optional.
    private static bool MatchAbbreviation(ReadOnlySpan<char> s, int at, string abbreviation, out int end)
    {
        var i = at;
        for (var k = 0; k < abbreviation.Length; k++)
        {
            if (k > 0)
            {
                if (i < s.Length && s[i] == '.')
                {
                    i++;
                }

                if (i < s.Length && IsSpace(s[i]) && i + 1 < s.Length && s[i + 1] == abbreviation[k])
                {
                    i++;
                }
            }

            if (i >= s.Length || s[i] != abbreviation[k])
            {
                end = at;
                return false;
            }

            i++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
        }
        else if (i < s.Length && IsThaiLetter(s[i]) && !IsSpace(s[i]))
        {
            // "มีค" must not be the start of a longer word.
            end = at;
            return false;
        }

        end = i;
        return true;
    }

    private static WrittenDate Checked(int day, int month, int? year)
    {
        if (month is < 1 or > 12 || day < 1 || year is < 1900 or > 2300 || day > (year is { } y ? DaysIn(y, month) : DaysIn(2024, month)))
        {
            return new WrittenDate(DateStatus.Impossible, day, month, year);
        }

        return new WrittenDate(DateStatus.Found, day, month, year);
    }

    private static int DaysIn(int year, int month) => year is >= 1 and <= 9999 ? DateTime.DaysInMonth(year, month) : 0;

    /// <summary>2-digit years are BE (69 → 2569 → 2026); 4-digit years above 2400 are BE, others CE.</summary>
    public static int ToCe(int value, int digits) =>
        digits <= 2 ? 2500 + value - ThaiDates.BuddhistEraOffset
        : value > 2400 ? value - ThaiDates.BuddhistEraOffset
        : value;

    private static int Number(ReadOnlySpan<char> s, int at, out int end)
    {
        var value = 0;
        end = at;
        while (end < s.Length && Digit(s[end]) is var d && d >= 0)
        {
            value = end - at < 6 ? (value * 10) + d : value;
            end++;
        }

        return value;
    }

    private static int SkipSpaces(ReadOnlySpan<char> s, int at)
    {
        while (at < s.Length && IsSpace(s[at]))
        {
            at++;
        }

        return at;
    }
}
