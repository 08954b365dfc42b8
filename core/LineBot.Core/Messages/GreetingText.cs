using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Messages;

/// <summary>What the bot says when it joins a group and when someone adds it as a friend: a few lines, real examples.</summary>
internal static class GreetingText
{
    private const string RegistrationExample = ReportReplies.RegistrationExample;

    // How a stranger becomes known: field workers register in the group, officers and executives ask an admin.
    private const string WayIn =
        "• นพต. ลงทะเบียนครั้งเดียวในกลุ่ม LINE ของจังหวัด เช่น " + RegistrationExample + "\n"
        + "• เจ้าหน้าที่อำเภอและผู้บริหาร กรุณาแจ้งผู้ดูแลระบบของจังหวัดให้เพิ่มชื่อ";

    public static string Join(string province) =>
        $"""
        สวัสดีทุกท่าน 🙏 บอทรับรายงานประจำวัน โคก หนอง นา โมเดล จังหวัด{province} พร้อมใช้งานในกลุ่มนี้แล้ว
        • นพต. ส่งรายงานประจำวันในกลุ่มนี้ แล้วส่งภาพถ่ายและตำแหน่งแปลงตามมา บอทจะตอบยืนยันทุกครั้ง
        • ลงทะเบียนครั้งเดียว เช่น {RegistrationExample}
        • แบบรายงานสำหรับคัดลอก: /ช่วยเหลือ รายงาน
        • คำสั่งทั้งหมด: /ช่วยเหลือ
        """;

    public static string Follow(ReporterRole role, Reporter? sender, string province) => role switch
    {
        ReporterRole.Admin =>
            $"""
            สวัสดี 🙏 ท่านเป็นผู้ดูแลระบบของจังหวัด{province}
            ในแชตนี้ดูได้ทุกอำเภอ: /สถานะ /ยังไม่ส่ง /สรุป /ส่งออก (ไฟล์ Excel)
            ตั้งเจ้าหน้าที่อำเภอในกลุ่มจังหวัด เช่น /เจ้าหน้าที่ @ชื่อ อ.บางปะกง
            """,
        ReporterRole.Officer =>
            $"""
            สวัสดี 🙏 {sender?.Name} เจ้าหน้าที่อำเภอ{sender?.OfficerDistrict}
            ในแชตนี้ดูข้อมูลอำเภอของท่านได้: /สถานะ /ยังไม่ส่ง /สรุป /ส่งออก (ไฟล์ Excel)
            """,
        _ when sender is not null =>
            $"""
            สวัสดี 🙏 {sender.Name}
            รายงานประจำวันส่งในกลุ่มของจังหวัดเช่นเดิม ในแชตนี้ดูการส่งของท่านได้ด้วย /ของฉัน
            แจ้งลา เช่น /ลา 3-5 ธ.ค. ลาป่วย
            """,
        _ => Stranger(province),
    };

    /// <summary>To someone the bot does not know who adds it as a friend: what it is, and how to be known.</summary>
    public static string Stranger(string province) =>
        $"สวัสดีครับ 🙏 บัญชีนี้คือบอทรับรายงานประจำวัน โคก หนอง นา โมเดล จังหวัด{province}\nยังไม่พบชื่อของท่านในระบบ จึงยังใช้คำสั่งในแชตนี้ไม่ได้\n" + WayIn;

    /// <summary>To a stranger who typed a command (or pressed a button) here: the same way in, at most once a day.</summary>
    public static string StrangerTried(string province) =>
        $"ขออภัยครับ คำสั่งในแชตนี้ใช้ได้เฉพาะผู้ที่อยู่ในระบบรายงานของจังหวัด{province}แล้ว\n" + WayIn;

}
