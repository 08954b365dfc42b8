using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>
/// Days named rather than dated: "วันนี้", "เมื่อวาน", "เมื่อวานซืน", a weekday alone ("วันจันทร์", "พฤหัส"),
/// and their English words. The parser resolves them against the message's Bangkok date.
/// </summary>
internal static class RelativeDates
{
    // Longest first so "เมื่อวานซืน" is not read as "เมื่อวาน".
    private static readonly (string Word, int DaysAgo)[] Days =
    [
        ("เมื่อวานซืน", 2), ("เมื่อวานนี้", 1), ("เมื่อวาน", 1), ("วานนี้", 1), ("วันนี้", 0), ("yesterday", 1), ("today", 0),
    ];

    private static readonly (string Word, DayOfWeek Day)[] Weekdays =
    [
        ("พฤหัสบดี", DayOfWeek.Thursday), ("พฤหัส", DayOfWeek.Thursday), ("อาทิตย์", DayOfWeek.Sunday), ("จันทร์", DayOfWeek.Monday),
        ("อังคาร", DayOfWeek.Tuesday), ("พุธ", DayOfWeek.Wednesday), ("ศุกร์", DayOfWeek.Friday), ("เสาร์", DayOfWeek.Saturday),
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday), ("thursday", DayOfWeek.Thursday),
        ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday), ("sunday", DayOfWeek.Sunday),
    ];

    // Every word above starts with one of these (after "วัน"/"วันที่"): a cheap test that rules out most lines.
    private static readonly System.Buffers.SearchValues<char> FirstLetters = System.Buffers.SearchValues.Create("เววจอพศสtTyYmMwWfFsS");

    private static readonly string[] Particles = ["ครับผม", "ครับ", "ค่ะ", "คะ", "ค่า", "นะคะ", "นะครับ", "นะ", "จ้า", "จ้ะ", "ที่", "น้า"];

    /// <summary>
    /// A relative day at the start of <paramref name="s"/>. With <paramref name="whole"/> only particles and
    /// punctuation may follow ("วันนี้ค่ะ"), so "วันนี้ฝนตก" is a sentence, not a date.
    /// </summary>
    public static WrittenDate Find(ReadOnlySpan<char> s, bool whole)
    {
        s = TrimSpaces(s);
        if (s.IsEmpty || !FirstLetters.Contains(s[0]))
        {
            return default;
        }

        if (s.StartsWith("วันที่"))
        {
            s = TrimSpaces(s[6..]);
        }

        foreach (var (word, days) in Days)
        {
            if (StartsWithWord(s, word, out var rest) && (!whole || IsTail(rest)))
            {
                return new WrittenDate(DateStatus.Found, 0, 0, null) { DaysAgo = days };
            }
        }

        var day = s.StartsWith("วัน") ? s[3..] : s;
        foreach (var (word, weekday) in Weekdays)
        {
            if (StartsWithWord(day, word, out var rest) && (!whole || IsTail(rest)))
            {
                return new WrittenDate(DateStatus.Found, 0, 0, null) { Weekday = weekday };
            }
        }

        return default;
    }

    /// <summary>The date a relative day stands for, seen from <paramref name="today"/>.</summary>
    public static DateOnly Resolve(WrittenDate written, DateOnly today)
    {
        if (written.DaysAgo is { } days)
        {
            return today.AddDays(-days);
        }

        var back = ((int)today.DayOfWeek - (int)written.Weekday!.Value + 7) % 7;
        return today.AddDays(-back);
    }

    private static bool StartsWithWord(ReadOnlySpan<char> s, string word, out ReadOnlySpan<char> rest)
    {
        rest = default;
        if (!s.StartsWith(word, IsLatinLetter(word[0]) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return false;
        }

        rest = s[word.Length..];
        return rest.IsEmpty || !IsLatinLetter(word[^1]) || !IsLatinLetter(rest[0]);
    }

    private static bool IsTail(ReadOnlySpan<char> rest)
    {
        rest = TrimSpaces(rest);
        while (!rest.IsEmpty)
        {
            if (rest[0] is ',' or '.' or '!' or ':' or ')' or '(' or '-' || IsSpace(rest[0]) || IsDecoration(rest[0]))
            {
                rest = rest[1..];
                continue;
            }

            var matched = false;
            foreach (var particle in Particles)
            {
                if (rest.StartsWith(particle, StringComparison.Ordinal))
                {
                    rest = rest[particle.Length..];
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return false;
            }
        }

        return true;
    }
}
