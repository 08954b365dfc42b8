using LineBot.Digests;
using LineBot.Jobs;

namespace LineBot.Commands;

/// <summary>Turning reply text into LINE messages: at most 5 per reply, each ≤ 5,000 characters.</summary>
internal static class CommandReplies
{
    public const int MaxMessagesPerReply = 5;

    public static IReadOnlyList<BotMessage> Text(string text)
    {
        var parts = DigestText.Split(text, BotMessage.MaxTextLength);
        if (parts.Count > MaxMessagesPerReply)
        {
            parts = [.. parts.Take(MaxMessagesPerReply - 1), "… ข้อความยาวเกินกว่าที่ตอบได้ในครั้งเดียว กรุณาใช้ /ส่งออก เพื่อรับไฟล์ฉบับเต็ม"];
        }

        return [.. parts.Select(p => new BotMessage(p))];
    }

    public const string Refused = "ขออภัย คำสั่งนี้สำหรับเจ้าหน้าที่หรือผู้ดูแลเท่านั้น 🙏 พิมพ์ /ช่วยเหลือ เพื่อดูคำสั่งที่ใช้ได้";

    public const string OtherDistrictRefused = "ขออภัย ท่านดูข้อมูลได้เฉพาะอำเภอที่ท่านรับผิดชอบ 🙏";

    public const string NotRegistered = "ยังไม่พบข้อมูลการลงทะเบียนของท่าน กรุณาลงทะเบียนก่อน (พิมพ์ /ลงทะเบียน ชื่อ-สกุล อำเภอ)";
}
