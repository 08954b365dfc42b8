using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

internal enum LabelKind
{
    Date,
    Reporter,
    Site,

    /// <summary>Site words that are part of the value: "HLM ต.บางพระ", "ตำบลโสธร อำเภอเมือง".</summary>
    SiteLine,
    Activities,
    Problems,
    Plans,
    Certifier,

    /// <summary>"ลงชื่อ … ผู้รับรอง" (or "… ผู้รายงาน").</summary>
    Signature,
    Month,

    /// <summary>Labels we recognise so that their lines do not leak into a list (remarks, phone, position).</summary>
    Ignored,

    /// <summary>"เจ้าของแปลง นายดำ ลงชื่อรับรอง": the owner certifies when the line signs.</summary>
    Owner,

    /// <summary>A site part named by an (English) label without a ต./อ./จ. marker: "Sub-district: บางพระ".</summary>
    SubdistrictName,
    DistrictName,
    ProvinceName,
}

/// <summary>A label found at the start of a line: its kind, the text after it, and whether ':'/'-' followed.</summary>
internal readonly ref struct LabelMatch(LabelKind kind, ReadOnlySpan<char> value, bool separated, bool found, bool emoji = false, bool glued = false)
{
    /// <summary>The value runs straight on from the label with no space ("กิจกรรมวันเด็ก"): maybe one word, not a field.</summary>
    public bool Glued { get; } = glued;

    public LabelKind Kind { get; } = kind;
    public ReadOnlySpan<char> Value { get; } = value;
    public bool Separated { get; } = separated;
    public bool Found { get; } = found;

    /// <summary>Only an emoji stood for the label (📅, 🙋, 📍, ✅, ⚠️, ✍️): a weaker signal inside a list.</summary>
    public bool Emoji { get; } = emoji;
}

/// <summary>
/// The labels of report fields and headers, matched at the start of a line: spaces inside a label do not
/// matter ("ชื่อ - สกุล"), Latin letters in any case; ':' or '-' after a label is optional. The tables are
/// built once, longest label first, and bucketed by first character.
/// </summary>
internal static class ReportLabels
{
    private static readonly string[] Weekdays = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "พฤหัส", "ศุกร์", "เสาร์", "อาทิตย์"];

    private static readonly (string Text, LabelKind Kind)[] All =
    [
        .. Of(LabelKind.Date, "วันที่", "ประจำวันที่", "วันเดือนปี", "วัน/เดือน/ปี", "วันที่รายงาน", "วันที่ปฏิบัติงาน", "วัน เดือน ปี", "date"),
        .. Weekdays.Select(w => ("วัน" + w + "ที่", LabelKind.Date)),
        .. Weekdays.Select(w => ("วัน" + w, LabelKind.Date)),
        .. Of(LabelKind.Reporter, "ชื่อ", "ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อสกุล", "ชื่อ/สกุล", "ชื่อผู้รายงาน", "ผู้รายงาน", "ชื่อ-สกุลผู้รายงาน", "ชื่อนพต.", "ชื่อนพต", "ผู้บันทึก", "ชื่อผู้บันทึก", "name"),
        .. Of(LabelKind.Site, "พื้นที่", "แปลง", "สถานที่", "สถานที่ปฏิบัติงาน", "พื้นที่ปฏิบัติงาน", "ประเภทพื้นที่", "ประเภทแปลง", "ประเภท", "ที่ตั้ง", "ที่ตั้งแปลง", "พื้นที่ต้นแบบ", "ประเภทพื้นที่ต้นแบบ", "สถานที่ตั้ง"),
        .. Of(LabelKind.SiteLine, "clm", "hlm", "ศูนย์เรียนรู้", "ชุมชนต้นแบบ", "ครัวเรือนต้นแบบ", "ระดับตำบล", "ระดับครัวเรือน", "ต.", "ตำบล", "อ.", "อำเภอ", "จ.", "จังหวัด"),
        .. Of(LabelKind.Activities, "กิจกรรม", "กิจกรรมที่ทำ", "กิจกรรมวันนี้", "กิจกรรมที่ปฏิบัติ", "งานที่ทำ", "งานที่ทำวันนี้", "ผลการปฏิบัติงาน", "รายละเอียดการปฏิบัติงาน", "รายละเอียดงาน", "การปฏิบัติงาน", "ผลการดำเนินงาน", "สิ่งที่ทำวันนี้", "งานที่ปฏิบัติ", "กิจกรรมที่ดำเนินการ", "ผลการปฏิบัติงานวันนี้"),
        .. Of(LabelKind.Problems, "ปัญหา", "อุปสรรค", "ปัญหา/อุปสรรค", "ปัญหาอุปสรรค", "ปัญหาและอุปสรรค", "ปัญหา-อุปสรรค", "ปัญหาที่พบ", "ปัญหา/อุปสรรคที่พบ", "ปัญหาอุปสรรคที่พบ"),
        .. Of(LabelKind.Plans, "แผนงาน", "แผนงานวันถัดไป", "แผนพรุ่งนี้", "แผนงานพรุ่งนี้", "แผนการปฏิบัติงานวันถัดไป", "แผนวันถัดไป", "แผนการดำเนินงาน", "สิ่งที่จะทำพรุ่งนี้", "งานวันพรุ่งนี้", "แผนการปฏิบัติงาน", "แผนการทำงาน", "รายการแผนงาน"),
        .. Of(LabelKind.Certifier, "ผู้รับรอง", "รับรองโดย", "ผู้รับรองข้อมูล", "ลงชื่อผู้รับรอง", "ผู้รับรองการปฏิบัติงาน"),
        .. Of(LabelKind.Signature, "ลงชื่อ", "ลงนาม"),
        .. Of(LabelKind.Month, "เดือน", "ประจำเดือน"),
        .. Of(LabelKind.Ignored, "หมายเหตุ", "ข้อเสนอแนะ", "เบอร์โทร", "โทร", "ตำแหน่ง", "ภาพกิจกรรม", "รูปภาพ", "ภาพประกอบ", "รูปประกอบ", "ภาพถ่าย", "แนบรูป", "แนบภาพ", "เวลา", "ผลที่ได้รับ", "ผลที่ได้", "remark", "remarks", "note", "phone", "tel", "position"),
        .. Of(LabelKind.Owner, "เจ้าของแปลง", "เจ้าของพื้นที่", "เจ้าของศูนย์", "เจ้าของศูนย์เรียนรู้", "เจ้าของครัวเรือน", "owner", "site owner"),

        // The worker's own word for themself on the paper form.
        .. Of(LabelKind.Reporter, "ผู้ปฏิบัติงาน", "ชื่อผู้ปฏิบัติงาน", "ผู้ปฏิบัติ", "ผู้ส่งรายงาน", "reporter", "full name"),
        .. Of(LabelKind.Certifier, "ผู้ตรวจรับรอง", "certified by", "certifier", "approved by", "verified by", "signed by", "certify"),
        .. Of(LabelKind.Date, "วันที่ส่ง", "report date", "วดป", "ว/ด/ป", "ว.ด.ป."),
        .. Of(LabelKind.Site, "site", "location", "area", "site type", "type", "พื้นที่ดำเนินการ", "สถานที่ดำเนินการ"),
        .. Of(LabelKind.SubdistrictName, "sub-district", "subdistrict", "sub district", "tambon"),
        .. Of(LabelKind.DistrictName, "district", "amphoe", "amphur"),
        .. Of(LabelKind.ProvinceName, "province", "changwat"),
        .. Of(LabelKind.Activities, "activities", "activity", "work done", "tasks", "done today", "สิ่งที่ทำ", "งานวันนี้", "ผลงานวันนี้", "ผลการทำงาน", "การดำเนินงาน", "รายการกิจกรรม"),
        .. Of(LabelKind.Problems, "problems", "problem", "issues", "issue", "obstacles", "ปัญหาที่พบและแนวทางแก้ไข", "ข้อติดขัด", "ติดปัญหา"),
        .. Of(LabelKind.Ignored, "แนวทางแก้ไข", "แนวทางการแก้ไข", "วิธีแก้ไข", "การแก้ไข", "แนวทางแก้ปัญหา", "solution", "solutions"),
        .. Of(LabelKind.Certifier, "รับรอง", "signed", "signature", "cert", "owner sign", "owner signature", "signed by owner"),
        .. Of(LabelKind.Reporter, "worker", "ผู้ปฏิบัติงานชื่อ"),
        .. Of(LabelKind.Site, "พท"),
        .. Of(LabelKind.Activities, "กจ", "done", "work today"),
        .. Of(LabelKind.Activities, "work", "งาน"),
        .. Of(LabelKind.Plans, "แผน", "พรุ่งนี้", "plan", "plans", "next plan", "plan for tomorrow", "tomorrow", "next day", "next steps", "แผนต่อไป", "แผนถัดไป", "แผนงานต่อไป", "สิ่งที่จะทำ", "งานที่จะทำ", "งานพรุ่งนี้"),
    ];

    // Emoji people use in place of a label word; only the first symbol of the line counts.
    private static readonly (string Emoji, LabelKind Kind)[] EmojiLabels =
    [
        ("📅", LabelKind.Date), ("📆", LabelKind.Date), ("🗓", LabelKind.Date),
        ("🙋", LabelKind.Reporter), ("👤", LabelKind.Reporter), ("🧑", LabelKind.Reporter), ("👨", LabelKind.Reporter), ("👩", LabelKind.Reporter), ("👷", LabelKind.Reporter),
        ("📍", LabelKind.Site), ("🏡", LabelKind.Site), ("🏠", LabelKind.Site), ("🗺", LabelKind.Site),
        ("✅", LabelKind.Activities), ("☑", LabelKind.Activities), ("✔", LabelKind.Activities), ("🔨", LabelKind.Activities), ("🛠", LabelKind.Activities),
        ("⚠", LabelKind.Problems), ("❗", LabelKind.Problems), ("🚧", LabelKind.Problems), ("❌", LabelKind.Problems),
        ("🔜", LabelKind.Plans), ("➡", LabelKind.Plans), ("🎯", LabelKind.Plans),
        ("✍", LabelKind.Certifier), ("🖊", LabelKind.Certifier), ("🖋", LabelKind.Certifier), ("✒", LabelKind.Certifier),
    ];

    // Short words that are labels only when a space, ':' or the line's end follows ("แผน:" but not "แผนที่").
    private static readonly HashSet<string> NeedBoundary = ["แผน", "พรุ่งนี้", "รับรอง", "งาน", "พท", "กจ"];

    private static readonly Dictionary<char, (string Text, LabelKind Kind)[]> ByFirst = All
        .Select(l => (Text: Compact(l.Item1), Kind: l.Item2))
        .DistinctBy(l => l.Text)
        .GroupBy(l => l.Text[0])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.Text.Length).ToArray());

    /// <summary>Daily report headers (after emoji and '#').</summary>
    public static readonly string[] ReportHeaders =
    [
        .. new[]
        {
            "รายงานการปฏิบัติงานประจำวัน", "รายงานผลการปฏิบัติงานประจำวัน", "รายงานประจำวัน", "บันทึกการปฏิบัติงานประจำวัน",
            "แบบบันทึกการปฏิบัติงานประจำวัน", "บันทึกประจำวัน", "รายงานการปฏิบัติงาน", "รายงานผลการปฏิบัติงาน", "บันทึกการปฏิบัติงาน",
            "รายงานการทำงานประจำวัน", "แบบรายงานการปฏิบัติงานประจำวัน",
        }.OrderByDescending(h => h.Length),
    ];

    /// <summary>Monthly plan headers.</summary>
    public static readonly string[] PlanHeaders =
    [
        .. new[] { "แผนการปฏิบัติงานประจำเดือน", "แผนปฏิบัติงานประจำเดือน", "แผนงานประจำเดือน", "แผนการปฏิบัติงานเดือน", "แผนการทำงานประจำเดือน" }.OrderByDescending(h => h.Length),
    ];

    /// <summary>
    /// An emoji standing for a label at the start of <paramref name="line"/> (before decorations are skipped), when
    /// no label word follows it: "📅 25 พ.ย. 69", "🙋 นายเอ บี", "✅ ขุดบ่อ".
    /// </summary>
    public static LabelMatch MatchEmoji(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !IsDecoration(line[0]))
        {
            return default;
        }

        foreach (var (emoji, kind) in EmojiLabels)
        {
            if (line.StartsWith(emoji, StringComparison.Ordinal))
            {
                var value = SkipDecorations(line[emoji.Length..]);
                var i = 0;
                while (i < value.Length && (IsSpace(value[i]) || value[i] is ':' or '-' or '–'))
                {
                    i++;
                }

                return new LabelMatch(kind, value[i..], i > 0, true, emoji: true);
            }
        }

        return default;
    }

    /// <summary>The label at the start of <paramref name="line"/> (decorations already skipped), if any.</summary>
    public static LabelMatch Match(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !ByFirst.TryGetValue(AsciiLower(line[0]), out var candidates))
        {
            return default;
        }

        foreach (var (text, kind) in candidates)
        {
            var end = MatchText(line, text);
            if (end < 0)
            {
                continue;
            }

            // "ต."/"อ." must be followed by a name, not be the first letters of a word ("อ.ส.ม." aside).
            if (kind == LabelKind.SiteLine)
            {
                // Latin words need a boundary: "hlm" but not "hlmx".
                if (IsLatinLetter(text[0]) && end < line.Length && IsLatinLetter(line[end]))
                {
                    continue;
                }

                return new LabelMatch(kind, line, false, true);
            }

            var rest = line[end..];

            // "แปลงยาว" is a district and "สถานที่นัด…" is chatter: a site label runs straight into a word only with ':'.
            if ((kind == LabelKind.Site || NeedBoundary.Contains(text)) && rest.Length > 0 && IsThaiLetter(rest[0]))
            {
                continue;
            }

            var separated = false;
            var i = 0;
            while (i < rest.Length && (IsSpace(rest[i]) || rest[i] is ':' or '：' or '-' or '–' or '=' or '>' or '.' or '*'))
            {
                separated |= !IsSpace(rest[i]);
                i++;
            }

            // A Latin label must end at a word boundary ("date" but not "dates").
            if (IsLatinLetter(text[^1]) && i == 0 && rest.Length > 0 && IsLatinLetter(rest[0]))
            {
                continue;
            }

            return new LabelMatch(kind, rest[i..], separated, true, glued: i == 0 && rest.Length > 0 && IsThaiLetter(rest[0]));
        }

        return default;
    }

    /// <summary>The end of <paramref name="compact"/> at the start of <paramref name="line"/> (spaces in the line skipped), or -1.</summary>
    public static int MatchText(ReadOnlySpan<char> line, string compact)
    {
        var i = 0;
        for (var k = 0; k < compact.Length; k++)
        {
            while (k > 0 && i < line.Length && IsSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length || AsciiLower(line[i]) != compact[k])
            {
                return -1;
            }

            i++;
        }

        return i;
    }

    /// <summary>The header at the start of the line, returning the rest, or -1.</summary>
    public static int MatchHeader(ReadOnlySpan<char> line, string[] headers)
    {
        foreach (var header in headers)
        {
            var end = MatchText(line, header);
            if (end >= 0)
            {
                return end;
            }
        }

        return -1;
    }

    private static char AsciiLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    private static IEnumerable<(string, LabelKind)> Of(LabelKind kind, params string[] labels) => labels.Select(l => (l, kind));

    private static string Compact(string label) => label.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
