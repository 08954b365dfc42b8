using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>
/// The spoken headers of quick phone reports: "รายงานวันนี้", "ส่งรายงานค่ะ", "รายงาน 25/11", "Daily report".
/// Only when what follows the word is a day, a date, a name, a site or a polite particle: "รายงานผลการประชุม"
/// and "รายงานส่งวันไหน" are not headers.
/// </summary>
internal static class ShortHeaders
{
    private static readonly string[] Words = ["ส่งรายงาน", "รายงาน", "daily report", "report"];

    private static readonly string[] AllowedNext =
    [
        "วันนี้", "เมื่อวาน", "วานนี้", "ประจำวัน", "ของวัน", "วันที่", "วัน", "ครับ", "ค่ะ", "คะ", "ค่า", "นะ", "จ้า", "จ้ะ", "การปฏิบัติงาน", "การทำงาน", "ผลการทำงาน", "ผลงาน",
        "งาน", "นาย", "นาง", "น.ส.", "นพต", "hlm", "clm", "ศูนย์", "ครัวเรือน", "(", "-", ":", "today", "date",
    ];

    /// <summary>True with the end of the header word when <paramref name="body"/> opens with a spoken header.</summary>
    public static bool Match(ReadOnlySpan<char> body, out int end)
    {
        end = -1;
        foreach (var word in Words)
        {
            var at = ReportLabels.MatchText(body, word.Replace(" ", "", StringComparison.Ordinal));
            if (at < 0)
            {
                continue;
            }

            var rest = TrimSpaces(body[at..]);
            if (rest.IsEmpty || IsDigit(rest[0]) || StartsWithAny(rest))
            {
                end = at;
                return true;
            }

            return false;
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> rest)
    {
        foreach (var next in AllowedNext)
        {
            if (rest.StartsWith(next, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return IsDecoration(rest[0]);
    }
}
