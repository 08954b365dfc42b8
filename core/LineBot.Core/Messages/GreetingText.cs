using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Messages;

/// <summary>What the bot says when it joins a group and when someone adds it as a friend: a few lines, real examples.</summary>
internal static class GreetingText
{
    private const string RegistrationExample = ReportReplies.RegistrationExample;

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
        _ =>
            $"""
            สวัสดี 🙏 ยังไม่พบชื่อของท่านในระบบรายงานของจังหวัด{province}
            นพต. ลงทะเบียนครั้งเดียวในกลุ่มของจังหวัด เช่น {RegistrationExample}
            เจ้าหน้าที่อำเภอ กรุณาแจ้งผู้ดูแลระบบให้แต่งตั้ง
            """,
    };
}
