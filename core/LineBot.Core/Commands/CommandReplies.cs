using LineBot.Digests;
using LineBot.Line;

namespace LineBot.Commands;

/// <summary>Turning reply text into LINE messages: at most 5 per reply, each ≤ 5,000 characters.</summary>
internal static class CommandReplies
{
    /// <summary>A reply's text as messages (split like every long text the bot sends).</summary>
    public static IReadOnlyList<BotMessage> Text(string text) => DigestMessages.Text(text);

    /// <summary>A reporter asking for an officer's command.</summary>
    public const string Refused = "ขออภัย คำสั่งนี้สำหรับเจ้าหน้าที่หรือผู้ดูแลเท่านั้น 🙏 พิมพ์ /ช่วยเหลือ เพื่อดูคำสั่งที่ใช้ได้";

    /// <summary>Anyone below admin asking for an admin's command.</summary>
    public const string AdminOnly = "ขออภัย คำสั่งนี้สำหรับผู้ดูแลระบบเท่านั้น 🙏 พิมพ์ /ช่วยเหลือ เพื่อดูคำสั่งที่ใช้ได้";

    /// <summary>The refusal that names the role the command needs.</summary>
    public static string RefusedFor(Reporters.ReporterRole needed) => needed == Reporters.ReporterRole.Admin ? AdminOnly : Refused;

    public const string OtherDistrictRefused = "ขออภัย ท่านดูข้อมูลได้เฉพาะอำเภอที่ท่านรับผิดชอบ 🙏";

    public const string NotRegistered = "ยังไม่พบข้อมูลการลงทะเบียนของท่าน กรุณาลงทะเบียนก่อน เช่น " + Reports.ReportReplies.RegistrationExample;
}
