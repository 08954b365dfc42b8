using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>
/// Words that tell what a line is for: a question, an announcement, a leave request or a forward (chatter
/// that must stay silent), a certification, whose signature a role word marks, what a heading lists.
/// </summary>
internal static class ChatterSigns
{
    private static readonly string[] QuestionWords =
    [
        "ไหม", "มั้ย", "หรือเปล่า", "หรือยัง", "ยังไง", "อย่างไร", "เมื่อไหร่", "เมื่อไร", "กี่โมง", "กี่วัน", "ที่ไหน", "วันไหน", "ส่งไหน", "อะไร", "ใครบ้าง", "ได้ไหม", "ได้มั้ย", "หรือไม่",
    ];

    // First-line words of messages that are not a worker's own daily record.
    private static readonly string[] OpeningWords =
    [
        "ประชุม", "ขอเชิญ", "เชิญชวน", "ประกาศ", "ข่าว", "ประชาสัมพันธ์", "แจ้งเตือน", "แจ้งให้ทราบ", "แจ้งทุกท่าน", "เรียนทุกท่าน", "เรียน นพต", "กำหนดการ",
        "ขอลา", "ลาป่วย", "ลากิจ", "ลาพักผ่อน", "ขออนุญาตลา", "สอบถาม", "ขอสอบถาม", "รบกวนสอบถาม", "ขอความร่วมมือ", "ด่วน", "fw", "fwd", "forward", "ส่งต่อ",
        "นัดหมาย", "ขอแสดงความยินดี", "สุขสันต์", "ตามที่", "หนังสือ",
    ];

    private static readonly string[] SigningVerbs = ["ลงชื่อรับรอง", "รับรอง", "ลงชื่อ", "ลงนาม", "เซ็นรับรอง"];

    private static readonly string[] ReporterRoles = ["ผู้ปฏิบัติงาน", "ผู้ปฏิบัติ", "ผู้รายงาน", "ผู้บันทึก", "ผู้ส่งรายงาน", "นพต", "นักพัฒนาพื้นที่ต้นแบบ"];

    private static readonly string[] CertifierRoles = ["ผู้รับรอง", "เจ้าของแปลง", "เจ้าของพื้นที่", "เจ้าของศูนย์", "เจ้าของครัวเรือน", "ผู้ตรวจ"];

    private static readonly string[] Pleasantries = ["สวัสดี", "ขอบคุณ", "ส่งรายงาน", "เรียน", "ขออนุญาต", "ครับ", "ค่ะ", "คะ", "ฝาก", "รบกวน", "ภาพ", "รูป"];

    public static bool IsQuestion(ReadOnlySpan<char> line)
    {
        if (line.Contains('?') || line.Contains('？'))
        {
            return true;
        }

        foreach (var word in QuestionWords)
        {
            if (line.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A first line that opens a question, a notice, a leave request or a forward.</summary>
    public static bool IsChatterOpening(ReadOnlySpan<char> line)
    {
        var body = SkipDecorations(line);
        if (IsQuestion(body))
        {
            return true;
        }

        var start = body[..Math.Min(body.Length, 24)];
        foreach (var word in OpeningWords)
        {
            var at = start.IndexOf(word, IsLatinLetter(word[0]) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            if (at is >= 0 and < 12)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"ส่งรายงานค่ะ บอทไม่ตอบ": someone telling the bot it did not answer their report.</summary>
    public static bool AsksAboutReport(ReadOnlySpan<char> text) =>
        (text.Contains("บอท", StringComparison.Ordinal) || text.Contains("bot", StringComparison.OrdinalIgnoreCase))
        && (text.Contains("รายงาน", StringComparison.Ordinal) || text.Contains("ไม่ตอบ", StringComparison.Ordinal) || text.Contains("ไม่รับ", StringComparison.Ordinal));

    /// <summary>"นายทองใบ ใจดี ผู้รับรอง", "รับรอง นางสาวเอ", "นายดำ ลงชื่อรับรอง", "รับรองโดย …".</summary>
    public static bool IsCertification(ReadOnlySpan<char> body)
    {
        // Every form below has one of these two words; most lines have neither.
        if (!body.Contains("รับรอง", StringComparison.Ordinal) && !body.Contains("เจ้าของ", StringComparison.Ordinal))
        {
            return false;
        }

        if (body.Contains("ผู้รับรอง", StringComparison.Ordinal))
        {
            return true;
        }

        // "นายมานพ ศรีสุข (เจ้าของพื้นที่)": a titled name with the owner's role is the owner signing off.
        var rest = body.StartsWith("รับรอง") ? body[6..] : body;
        return (rest.Length != body.Length || body.Contains("ลงชื่อรับรอง", StringComparison.Ordinal) || (body.EndsWith("รับรอง") && body.Length > 6) || RoleOf(body) == false)
            && NameCleaner.HasTitle(NameCleaner.Clean(body));
    }

    public static bool HasSigningVerb(ReadOnlySpan<char> value)
    {
        foreach (var verb in SigningVerbs)
        {
            if (value.Contains(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return value.Contains('✍');
    }

    /// <summary>True for the worker's role words, false for the owner's/certifier's, null when none.</summary>
    public static bool? RoleOf(ReadOnlySpan<char> value)
    {
        foreach (var role in CertifierRoles)
        {
            if (value.Contains(role, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var role in ReporterRoles)
        {
            if (value.Contains(role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return null;
    }

    /// <summary>What an unknown heading lists, by its words.</summary>
    public static LabelKind HeadingKind(ReadOnlySpan<char> heading) =>
        heading.Contains("ปัญหา", StringComparison.Ordinal) || heading.Contains("อุปสรรค", StringComparison.Ordinal) ? LabelKind.Problems
        : heading.Contains("แผน", StringComparison.Ordinal) || heading.Contains("พรุ่งนี้", StringComparison.Ordinal) || heading.Contains("ถัดไป", StringComparison.Ordinal) || heading.Contains("จะทำ", StringComparison.Ordinal) ? LabelKind.Plans
        : LabelKind.Activities;

    /// <summary>A heading that says it lists work done ("สิ่งที่ได้ทำ:", "ผลงาน:").</summary>
    public static bool HeadingNamesWork(ReadOnlySpan<char> heading) =>
        heading.Contains("ทำ", StringComparison.Ordinal) || heading.Contains("งาน", StringComparison.Ordinal) || heading.Contains("กิจกรรม", StringComparison.Ordinal)
        || heading.Contains("ผล", StringComparison.Ordinal) || heading.Contains("activit", StringComparison.OrdinalIgnoreCase) || heading.Contains("work", StringComparison.OrdinalIgnoreCase);

    /// <summary>A letter's closing at the foot of a list ("จึงเรียนมาเพื่อโปรดทราบ", "ขอบคุณค่ะ"): not an item.</summary>
    public static bool IsClosing(ReadOnlySpan<char> body) =>
        body.StartsWith("จึงเรียน", StringComparison.Ordinal) || body.StartsWith("ขอบคุณ", StringComparison.Ordinal) || body.StartsWith("ขอแสดงความนับถือ", StringComparison.Ordinal)
        || body.StartsWith("ด้วยความเคารพ", StringComparison.Ordinal) || body.StartsWith("สวัสดี", StringComparison.Ordinal);

    /// <summary>Greetings, thanks and "ส่งรายงานครับ" around a report: never an activity.</summary>
    public static bool IsPleasantry(ReadOnlySpan<char> body)
    {
        if (body.Length <= 3)
        {
            return true;
        }

        foreach (var word in Pleasantries)
        {
            if (body.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return IsQuestion(body) || body.Contains("http", StringComparison.OrdinalIgnoreCase);
    }
}
