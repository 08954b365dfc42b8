using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>List items: bullets stripped, "1.ก 2.ข" split, "ไม่มี" dropped from problems and plans.</summary>
internal static class ReportItems
{
    private static readonly string[] Particles = ["ครับผม", "ครับ", "ค่ะ", "คะ", "นะคะ", "จ้า", "จ้ะ", "ค่า"];

    // Words that qualify a list label rather than start an item: "แผนงานวันศุกร์", "แผนงาน (สัปดาห์หน้า)".
    private static readonly string[] WhenWords =
    [
        "วันนี้", "พรุ่งนี้", "วันพรุ่งนี้", "ถัดไป", "วันถัดไป", "ต่อไป", "สัปดาห์", "อาทิตย์หน้า", "เดือน", "ครั้งต่อไป", "ล่วงหน้า", "ประจำวัน", "วัน", "ที่จะทำ", "ที่ทำ", "ที่ปฏิบัติ",
    ];

    public static void Add(ref List<string>? items, ReadOnlySpan<char> line, bool none)
    {
        var item = StripBullet(line);

        // "1.ขุดบ่อ 2.ปลูกผัก 3) ให้น้ำ" typed on one line: split at the next number in sequence.
        var number = BulletNumber(line);
        while (number > 0 && NextBullet(item, number + 1) is var (at, length) && at > 0)
        {
            AddOne(ref items, item[..at], none);
            item = item[(at + length)..];
            number++;
        }

        AddOne(ref items, item, none);
    }

    /// <summary>
    /// The text after a list label once a qualifier is dropped: "แผนงานวันศุกร์: ปลูกผัก" → "ปลูกผัก",
    /// "แผนงานพรุ่งนี้นี้" → "". A value typed after ':' is never a qualifier.
    /// </summary>
    public static ReadOnlySpan<char> DropQualifier(ReadOnlySpan<char> value, bool separated)
    {
        value = TrimSpaces(value);
        if (value.IsEmpty)
        {
            return value;
        }

        if (value[0] == '(' && value.IndexOf(')') is var close and > 0 and < 30)
        {
            return SkipSeparator(value[(close + 1)..]);
        }

        if (separated || !StartsWithWhen(value))
        {
            return value;
        }

        var colon = value.IndexOfAny(':', '：');
        if (colon is > 0 and < 30)
        {
            return SkipSeparator(value[(colon + 1)..]);
        }

        return IsWhenWordOnly(value) || IsWhenPhrase(value) ? [] : value;
    }

    private static bool StartsWithWhen(ReadOnlySpan<char> value)
    {
        if (IsDigit(value[0]))
        {
            return true;
        }

        foreach (var word in WhenWords)
        {
            if (value.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"สัปดาห์หน้า", "วันถัดไป", "พรุ่งนี้นะคะ": a when-word and nothing more.</summary>
    private static bool IsWhenWordOnly(ReadOnlySpan<char> value)
    {
        foreach (var word in WhenWords)
        {
            if (value.StartsWith(word, StringComparison.Ordinal))
            {
                var rest = TrimSpaces(value[word.Length..]);
                if (rest.IsEmpty || rest is "หน้า" or "นี้" or "ถัดไป" or "ต่อไป" or "นะคะ" or "ครับ" or "ค่ะ")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"วันศุกร์ที่ 27 พ.ย. 69" or "สัปดาห์หน้า": nothing but when.</summary>
    private static bool IsWhenPhrase(ReadOnlySpan<char> value) =>
        value.Length <= 30 && (ReportDateReader.Find(value).Status != DateStatus.NotFound || RelativeDates.Find(value, whole: true).Status != DateStatus.NotFound);

    private static ReadOnlySpan<char> SkipSeparator(ReadOnlySpan<char> s)
    {
        s = TrimSpaces(s);
        while (!s.IsEmpty && s[0] is ':' or '：' or '-' or '–')
        {
            s = TrimSpaces(s[1..]);
        }

        return s;
    }

    private static void AddOne(ref List<string>? items, ReadOnlySpan<char> item, bool none)
    {
        item = TrimTrailingPunctuation(item);
        if (item.IsEmpty || (none && IsNone(item)) || item.Trim(".…_ ").IsEmpty)
        {
            return;
        }

        (items ??= []).Add(CollapseSpaces(item));
    }

    /// <summary>The number of a "1." / "1)" bullet starting the line (after decorations), or 0.</summary>
    private static int BulletNumber(ReadOnlySpan<char> line)
    {
        line = SkipDecorations(line);
        var value = 0;
        var i = 0;
        while (i < line.Length && i < 2 && Digit(line[i]) is var d && d >= 0)
        {
            value = (value * 10) + d;
            i++;
        }

        return i > 0 && i < line.Length && line[i] is '.' or ')' && (i + 1 == line.Length || !IsDigit(line[i + 1])) ? value : 0;
    }

    /// <summary>Where " N." or " N)" starts in the item (the index after the space) and its length, or (-1, 0).</summary>
    private static (int At, int Length) NextBullet(ReadOnlySpan<char> item, int number)
    {
        for (var j = 1; j < item.Length; j++)
        {
            if (!IsSpace(item[j - 1]) || !IsDigit(item[j]))
            {
                continue;
            }

            var value = 0;
            var k = j;
            while (k < item.Length && k - j < 2 && Digit(item[k]) is var d && d >= 0)
            {
                value = (value * 10) + d;
                k++;
            }

            if (value == number && k < item.Length && item[k] is '.' or ')' && (k + 1 == item.Length || !IsDigit(item[k + 1])))
            {
                return (j, k + 1 - j);
            }
        }

        return (-1, 0);
    }

    /// <summary>"ไม่มี", "-", "ไม่พบปัญหา", "ไม่มีปัญหาครับ", "ไม่มีอุปสรรค": nothing to report.</summary>
    public static bool IsNone(ReadOnlySpan<char> item)
    {
        item = TrimSpaces(item);
        foreach (var particle in Particles)
        {
            if (item.EndsWith(particle, StringComparison.Ordinal) && item.Length > particle.Length)
            {
                item = TrimSpaces(item[..^particle.Length]);
                break;
            }
        }

        return item.IsEmpty || item is "-" or "ไม่มี" or "ไม่มีค่ะ" or "ปกติ" or "ไม่มีปัญหา" or "ไม่มีปัญหาอุปสรรค" or "ไม่มีอุปสรรค" or "ไม่มีปัญหาใดๆ" or "ไม่มีปัญหาใด ๆ" or "ไม่มีปัญหาและอุปสรรค" or "ไม่มีปัญหา/อุปสรรค" or "none" or "ไม่มีปัญหาอะไร" or "None" or "no" or "No" or "n/a" or "N/A" or "nil"
            || item.StartsWith("ไม่พบ", StringComparison.Ordinal)
            || item.StartsWith("ไม่มีปัญหา", StringComparison.Ordinal) && item.Length <= 24
            || item.StartsWith("ยังไม่พบ", StringComparison.Ordinal);
    }
}
