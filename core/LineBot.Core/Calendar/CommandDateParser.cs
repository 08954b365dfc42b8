using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LineBot.Calendar;

/// <summary>
/// The outcome of reading a date or range at the start of a command argument. <see cref="Rest"/> is what
/// follows (e.g. the holiday name in <c>/วันหยุด เพิ่ม 5 ธ.ค. 2569 วันพ่อ</c>). On failure
/// <see cref="Error"/> is a Thai message for the reply.
/// </summary>
internal sealed record CommandDateResult(bool Success, DateOnly From, DateOnly To, string Rest, string? Error)
{
    public bool IsRange => From != To;

    public static CommandDateResult Fail(string error) => new(false, default, default, "", error);
}

/// <summary>
/// Reads the dates people type after <c>/ลา</c> and <c>/วันหยุด เพิ่ม</c>: "วันนี้", "พรุ่งนี้", "มะรืนนี้",
/// "เมื่อวาน", "5 ธ.ค. 2569", "5 ธค 69", "5 ธันวาคม", "3/12/2569", "3-5 ธ.ค.", "28 พ.ย. - 2 ธ.ค.",
/// "3/12/2569 - 5/12/2569", "3 ถึง 5 ธ.ค."; Thai digits; BE (4 or 2 digits) or CE years. A date without a
/// year is taken in the year that puts it nearest to today. Self-contained: the report parser has its own.
/// </summary>
internal static partial class CommandDateParser
{
    private const string Usage = "ระบุวันที่ เช่น 5 ธ.ค. 2569, 3/12/2569, 3-5 ธ.ค., วันนี้ หรือ พรุ่งนี้";

    private static readonly (string Word, int Offset)[] RelativeDays =
    [
        ("มะรืนนี้", 2), ("มะรืน", 2), ("พรุ่งนี้", 1), ("วันนี้", 0), ("เมื่อวานนี้", -1), ("เมื่อวาน", -1),
    ];

    private static readonly Regex Token = BuildToken();

    /// <summary>A single date (a range is an error).</summary>
    public static CommandDateResult ParseDate(string text, DateOnly today)
    {
        var result = ParseRange(text, today);
        return result is { Success: true, IsRange: true }
            ? CommandDateResult.Fail("ระบุได้วันเดียว เช่น 5 ธ.ค. 2569")
            : result;
    }

    /// <summary>A date or a range "A - B" / "A ถึง B"; parts missing from A (month, year) are taken from B.</summary>
    public static CommandDateResult ParseRange(string text, DateOnly today)
    {
        var input = Normalize(text);
        if (input.Length == 0)
        {
            return CommandDateResult.Fail(Usage);
        }

        if (!TryToken(input, 0, out var first, out var position))
        {
            return CommandDateResult.Fail(Usage);
        }

        var afterFirst = position;
        var separator = SeparatorRegex().Match(input, position);
        if (separator.Success && separator.Index == position && TryToken(input, separator.Index + separator.Length, out var second, out var end))
        {
            // "3-5 ธ.ค.": the first part borrows month and year from the second.
            var fromParts = first with { Month = first.Month ?? second.Month, Year = first.Year ?? (first.Month is null ? second.Year : null) };
            if (!Resolve(second, today, null, out var to, out var error) || !Resolve(fromParts, today, second.Year is null && first.Year is null ? null : to, out var from, out error))
            {
                return CommandDateResult.Fail(error!);
            }

            if (from > to)
            {
                // "28 ธ.ค. - 3 ม.ค." without years: the start is in the previous year.
                if (first.Year is null && from.AddYears(-1) <= to)
                {
                    from = from.AddYears(-1);
                }
                else
                {
                    return CommandDateResult.Fail("วันเริ่มต้องไม่อยู่หลังวันสิ้นสุด");
                }
            }

            return new CommandDateResult(true, from, to, input[end..].Trim(), null);
        }

        return Resolve(first, today, null, out var date, out var message)
            ? new CommandDateResult(true, date, date, input[afterFirst..].Trim(), null)
            : CommandDateResult.Fail(message!);
    }

    private readonly record struct Parts(int? Day, int? Month, int? Year, int? Relative);

    private static bool TryToken(string input, int start, out Parts parts, out int end)
    {
        parts = default;
        end = start;
        while (start < input.Length && input[start] == ' ')
        {
            start++;
        }

        foreach (var (word, offset) in RelativeDays)
        {
            if (string.CompareOrdinal(input, start, word, 0, word.Length) == 0)
            {
                parts = new Parts(null, null, null, offset);
                end = start + word.Length;
                return true;
            }
        }

        var match = Token.Match(input, start);
        if (!match.Success || match.Index != start)
        {
            return false;
        }

        int? month = match.Groups["m"].Success ? Int(match.Groups["m"].Value)
            : match.Groups["mn"].Success ? MonthOf(match.Groups["mn"].Value)
            : null;
        var yearText = match.Groups["y"].Success ? match.Groups["y"].Value : match.Groups["y2"].Success ? match.Groups["y2"].Value : null;
        parts = new Parts(Int(match.Groups["d"].Value), month, yearText is null ? null : Year(yearText), null);
        end = match.Index + match.Length;
        return true;
    }

    private static bool Resolve(Parts parts, DateOnly today, DateOnly? anchor, out DateOnly date, out string? error)
    {
        error = null;
        if (parts.Relative is { } offset)
        {
            date = today.AddDays(offset);
            return true;
        }

        date = default;
        var month = parts.Month ?? today.Month;
        if (month is < 1 or > 12)
        {
            error = "เดือนไม่ถูกต้อง (1–12)";
            return false;
        }

        var day = parts.Day!.Value;
        if (parts.Year is { } year)
        {
            if (year is < 2000 or > 2200 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                error = "ไม่มีวันที่นี้ในปฏิทิน";
                return false;
            }

            date = new DateOnly(year, month, day);
            return true;
        }

        // No year: the candidate nearest to the anchor (the range end) or to today.
        var reference = anchor ?? today;
        DateOnly? best = null;
        foreach (var y in new[] { reference.Year - 1, reference.Year, reference.Year + 1 })
        {
            if (day >= 1 && day <= DateTime.DaysInMonth(y, month))
            {
                var candidate = new DateOnly(y, month, day);
                if (best is null || Math.Abs(candidate.DayNumber - reference.DayNumber) < Math.Abs(best.Value.DayNumber - reference.DayNumber))
                {
                    best = candidate;
                }
            }
        }

        if (best is null)
        {
            error = "ไม่มีวันที่นี้ในปฏิทิน";
            return false;
        }

        date = best.Value;
        return true;
    }

    /// <summary>2-digit years are BE (69 → 2569); 4-digit years above 2400 are BE; others CE.</summary>
    private static int Year(string text)
    {
        var value = Int(text);
        return text.Length <= 2 ? 2500 + value - ThaiDates.BuddhistEraOffset
            : value > 2400 ? value - ThaiDates.BuddhistEraOffset
            : value;
    }

    private static int MonthOf(string token)
    {
        var bare = token.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            if (bare == ThaiDates.MonthNames[i] || bare == ThaiDates.MonthAbbreviations[i].Replace(".", "", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Normalize(string text)
    {
        var s = ThaiDates.ToArabicDigits(text).Replace('\u00A0', ' ').Replace('–', '-').Replace('—', '-');
        s = WhitespaceRegex().Replace(s, " ").Trim();
        // A leading "วันที่" / "วันจันทร์ที่" adds nothing.
        return LeadingDayWordRegex().Replace(s, "");
    }

    private static Regex BuildToken()
    {
        // Full month names first so that "มกราคม" is not read as the abbreviation "มค" + rest.
        var names = ThaiDates.MonthNames
            .Concat(ThaiDates.MonthAbbreviations.Select(a => a.Replace(".", "", StringComparison.Ordinal)))
            .OrderByDescending(n => n.Length)
            .Select(n =>
            {
                var pattern = new StringBuilder();
                foreach (var c in n)
                {
                    pattern.Append(Regex.Escape(c.ToString())).Append(n.Length <= 4 ? @"\.?\s?" : "");
                }

                return pattern.ToString();
            });
        var month = string.Join("|", names);
        var pattern =
            $@"(?<d>\d{{1,2}})(?:\s?[/.]\s?(?<m>\d{{1,2}})(?:\s?[/.]\s?(?<y>\d{{4}}|\d{{2}}))?(?!\d)|\s?(?<mn>{month})(?:\s?(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)?\s?(?<y2>\d{{4}}|\d{{2}})(?!\d))?)?(?!\d)";
        return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"^(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?ที่\s?)")]
    private static partial Regex LeadingDayWordRegex();

    [GeneratedRegex(@"\s?(?:-|ถึง)\s?")]
    private static partial Regex SeparatorRegex();
}
