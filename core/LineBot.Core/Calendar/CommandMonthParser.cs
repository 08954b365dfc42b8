using System.Globalization;
using System.Text.RegularExpressions;

namespace LineBot.Calendar;

/// <summary>
/// A month where a command asks for one (<c>/สรุป เดือน พ.ย.</c>, <c>/ส่งออก เดือน พฤศจิกายน 2569</c>): Thai month
/// names, full or abbreviated (with or without dots), optionally a BE/CE year (2 or 4 digits), or "11/2569". Without a
/// year, the latest such month not after the current one. Anything else is left to <see cref="CommandDateParser"/>.
/// </summary>
internal static partial class CommandMonthParser
{
    /// <summary>The first day of the month written, or null when the text is not a month on its own.</summary>
    public static DateOnly? Parse(string text, DateOnly today)
    {
        var input = ThaiDates.ToArabicDigits(text).Trim();
        if (NumericRegex().Match(input) is { Success: true } numeric)
        {
            var m = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
            return m is >= 1 and <= 12 ? new DateOnly(Year(numeric.Groups["y"].Value), m, 1) : null;
        }

        var match = NamedRegex().Match(input);
        if (!match.Success || MonthOf(match.Groups["name"].Value) is not { } month)
        {
            return null;
        }

        if (match.Groups["y"].Success)
        {
            return new DateOnly(Year(match.Groups["y"].Value), month, 1);
        }

        var candidate = new DateOnly(today.Year, month, 1);
        return candidate > today ? candidate.AddYears(-1) : candidate;
    }

    private static int? MonthOf(string written)
    {
        var bare = written.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            if (bare == ThaiDates.MonthNames[i] || bare == ThaiDates.MonthAbbreviations[i].Replace(".", "", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>2-digit years are BE (69 → 2569); 4-digit years above 2400 are BE; others CE.</summary>
    private static int Year(string text)
    {
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return text.Length <= 2 ? 2500 + value - ThaiDates.BuddhistEraOffset
            : value > 2400 ? value - ThaiDates.BuddhistEraOffset
            : value;
    }

    [GeneratedRegex(@"^(?:เดือน\s*)?(?<name>[ก-๛][ก-๛.\s]*?)\s*(?:(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*)?(?<y>\d{4}|\d{2})?$")]
    private static partial Regex NamedRegex();

    [GeneratedRegex(@"^(?<m>\d{1,2})\s?/\s?(?<y>\d{4}|\d{2})$")]
    private static partial Regex NumericRegex();
}
