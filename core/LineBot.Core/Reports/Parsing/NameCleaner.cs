using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>
/// Names as written after ชื่อ/ผู้รับรอง/ลงชื่อ: the title stays (นาย, นาง, นางสาว, น.ส.); roles such as
/// "(เจ้าของแปลง)", "นพต.", "ผู้รับรอง" and the dotted lines of a paper form go.
/// </summary>
internal static class NameCleaner
{
    private static readonly string[] TrailingRoles =
    [
        "เจ้าของแปลง", "เจ้าของพื้นที่", "เจ้าของศูนย์", "เจ้าของศูนย์เรียนรู้", "เจ้าของครัวเรือน", "ผู้รับรอง", "ผู้รายงาน", "ผู้บันทึก", "นพต.", "นพต", "นักพัฒนาพื้นที่ต้นแบบ",
        "ผู้ปฏิบัติงาน", "ผู้ปฏิบัติ", "ผู้ส่งรายงาน", "ลงชื่อรับรอง", "เซ็นรับรอง", "รับรอง", "ลงชื่อ", "ลงนาม", "ครับ", "ค่ะ", "✍️", "✍", "/", "|",
        "ผู้ใหญ่บ้าน", "ผู้ช่วยผู้ใหญ่บ้าน", "กำนัน", "ประธานกลุ่ม", "ประธาน", "อสม.", "เจ้าของบ้าน", "ตำแหน่ง", "พื้นที่", "สถานที่",
    ];

    // Verbs and roles in front of a name: "รับรอง นายดำ", "รับรองโดย นางเอ", "ลงชื่อ นายบี".
    private static readonly string[] LeadingWords = ["รับรองโดย", "ผู้รับรอง", "รับรอง", "ลงชื่อ", "ลงนาม", "นพต.", "นพต", "เจ้าของแปลง", "เจ้าของพื้นที่", "เจ้าของศูนย์", "ข้าพเจ้า", "ดิฉัน", "กระผม"];

    public static string? Clean(ReadOnlySpan<char> value)
    {
        // Only a paper form's dotted blanks need a copy; most names are read in place.
        string? text = value.ContainsAny("._…") ? Dots(value) : null;
        var span = text is null ? value : text.AsSpan();

        // "(นายดำ มั่นคง)" under a dotted line is the name itself; "(เจ้าของแปลง)" is a role.
        var open = span.IndexOf('(');
        if (open >= 0)
        {
            var close = span[open..].IndexOf(')');
            var inner = close > 0 ? span.Slice(open + 1, close - 1) : span[(open + 1)..];
            var outer = TrimSpaces(span[..open]);
            if (HasTitle(TrimSpaces(inner)) && !HasTitle(outer))
            {
                span = inner;
            }
            else
            {
                var after = close > 0 ? span[(open + close + 1)..] : [];
                text = string.Concat(span[..open], " ", after);
                span = text.AsSpan();
            }
        }

        span = TrimLeadingWords(TrimSpaces(span));

        bool changed;
        do
        {
            changed = false;
            span = TrimTrailingPunctuation(span);
            foreach (var role in TrailingRoles)
            {
                if (span.EndsWith(role, StringComparison.Ordinal))
                {
                    span = span[..^role.Length];
                    changed = true;
                }
            }
        }
        while (changed);

        span = TrimTrailingPunctuation(span).Trim("()[] ");
        return span.IsEmpty || IsPlaceholder(span) ? null : JoinTitle(CollapseSpaces(span));
    }

    private static ReadOnlySpan<char> TrimLeadingWords(ReadOnlySpan<char> span)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var word in LeadingWords)
            {
                if (span.StartsWith(word, StringComparison.Ordinal))
                {
                    span = TrimSpaces(span[word.Length..]).TrimStart(":-");
                    span = TrimSpaces(span);
                    changed = true;
                }
            }
        }
        while (changed);

        return span;
    }

    /// <summary>A template's open choice instead of a name: "นาย/นาง/นางสาว", "ชื่อ-สกุล".</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value) =>
        (value.Contains('/') || value.Contains("สกุล", StringComparison.Ordinal)) && (value.Contains("นาย/นาง", StringComparison.Ordinal) || value.Contains("นาง/นางสาว", StringComparison.Ordinal) || value.Contains("ชื่อ-สกุล", StringComparison.Ordinal)
        || value.Contains("ชื่อ - สกุล", StringComparison.Ordinal) || value.Contains("CLM/HLM", StringComparison.OrdinalIgnoreCase) || value.Contains("CLM / HLM", StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ThaiTitles = ["นางสาว", "น.ส.", "นาย", "นาง"];

    /// <summary>"นาย สมชาย ใจดี" → "นายสมชาย ใจดี": Thai writes the title against the given name.</summary>
    private static string JoinTitle(string name)
    {
        foreach (var title in ThaiTitles)
        {
            if (name.Length > title.Length + 1 && name.StartsWith(title, StringComparison.Ordinal) && name[title.Length] == ' ')
            {
                return string.Concat(title, name.AsSpan(title.Length + 1));
            }
        }

        return name;
    }

    public static bool HasTitle(ReadOnlySpan<char> text) => PersonNames.HasTitle(text);

    private static readonly string[] Pronouns = ["ข้าพเจ้า", "ดิฉัน", "กระผม"];

    /// <summary>"ข้าพเจ้า นายเอ บี …": the name after a first-person pronoun of a formal letter.</summary>
    public static ReadOnlySpan<char> SkipPronoun(ReadOnlySpan<char> text)
    {
        foreach (var pronoun in Pronouns)
        {
            if (text.StartsWith(pronoun, StringComparison.Ordinal))
            {
                return TrimSpaces(text[pronoun.Length..]);
            }
        }

        return text;
    }

    /// <summary>Where a titled name starts after a space in <paramref name="text"/> (or at its start), or -1.</summary>
    public static int TitleAt(ReadOnlySpan<char> text)
    {
        // HasTitle skips leading white space, so every start inside one run of spaces sees the same word: test each
        // word once (testing every start re-scanned the run each time, quadratic in a long run of spaces).
        var tested = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (i <= tested || (i > 0 && !IsSpace(text[i - 1])))
            {
                continue;
            }

            var word = i;
            while (word < text.Length && char.IsWhiteSpace(text[word]))
            {
                word++;
            }

            if (HasTitle(text[word..]))
            {
                return i;
            }

            tested = word;
        }

        return -1;
    }

    /// <summary>Same person: equal once spaces and dots are ignored (cheaper than <see cref="PersonNames.Key"/>).</summary>
    public static bool SameName(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && (IsSpace(a[i]) || a[i] == '.'))
            {
                i++;
            }

            while (j < b.Length && (IsSpace(b[j]) || b[j] == '.'))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (a[i++] != b[j++])
            {
                return false;
            }
        }
    }

    // Paper forms are typed with "ลงชื่อ.........นายดำ........ผู้รับรอง": runs of dots or underscores are blanks.
    private static string Dots(ReadOnlySpan<char> value)
    {
        if (!value.ContainsAny("._…"))
        {
            return value.ToString();
        }

        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var run = c is '.' or '_' or '…' && ((i + 1 < value.Length && value[i + 1] is '.' or '_' or '…') || (i > 0 && value[i - 1] is '.' or '_' or '…') || c is '_' or '…');
            buffer[n++] = run ? ' ' : c;
        }

        return buffer[..n].ToString();
    }
}
