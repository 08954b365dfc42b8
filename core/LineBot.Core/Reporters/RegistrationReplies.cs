using System.Text;
using LineBot.Reports;
using LineBot.Reports.Parsing;

namespace LineBot.Reporters;

/// <summary>The Thai replies to <c>/ลงทะเบียน</c>: what was kept, or what is wrong with an example to copy.</summary>
internal static class RegistrationReplies
{
    public const string NeedsUser =
        "ขออภัยครับ ลงทะเบียนไม่ได้เพราะ LINE ไม่ส่งรหัสผู้ใช้ของท่านมา กรุณากดยอมรับการใช้ข้อมูลของบัญชีทางการ หรือลงทะเบียนในแชตส่วนตัวกับบอท";

    public static string Registered(Reporter reporter, bool updated)
    {
        var text = new StringBuilder(updated ? "✅ ปรับปรุงข้อมูลการลงทะเบียนแล้ว" : "✅ ลงทะเบียนแล้ว");
        text.Append('\n').Append("ชื่อ: ").Append(reporter.Name);
        if (reporter.Site.Label() is { Length: > 0 } site)
        {
            text.Append('\n').Append("พื้นที่: ").Append(site);
        }

        return text.ToString();
    }

    public static string Errors(ParsedMessage parsed) =>
        "⚠️ ลงทะเบียนไม่สำเร็จ\n- " + string.Join("\n- ", parsed.Errors)
        + "\nตัวอย่าง: " + ReportReplies.RegistrationExample;
}
