using System.Text;
using LineBot.Calendar;
using LineBot.Reports.Parsing;

namespace LineBot.Reports;

/// <summary>The Thai replies to reports and monthly plans: short, and saying what the bot understood.</summary>
internal static class ReportReplies
{
    /// <summary>A report to copy and fill in (also <c>/ช่วยเหลือ รายงาน</c>).</summary>
    public const string Template =
        """
        รายงานการปฏิบัติงานประจำวัน
        วันที่: 25 พ.ย. 2569
        ชื่อ: นายสมชาย ใจดี
        พื้นที่: HLM ต.บางพระ อ.เมือง
        กิจกรรม:
        1. ...
        2. ...
        ปัญหา/อุปสรรค: ไม่มี
        แผนงานวันถัดไป:
        1. ...
        ผู้รับรอง: นายสมศักดิ์ รักดี (เจ้าของแปลง)
        """;

    public const string TemplateIntro = "แบบรายงานประจำวัน (คัดลอกข้อความถัดไปแล้วแก้ไขให้ตรงกับงานของท่าน):";

    /// <summary>The one registration example every hint, greeting and help gives.</summary>
    public const string RegistrationExample = "/ลงทะเบียน นายสมชาย ใจดี HLM ต.บางพระ อ.เมือง";

    public const string NoReporterName =
        "ขออภัยครับ ระบบไม่ทราบว่ารายงานนี้เป็นของผู้ใด กรุณาเพิ่มบรรทัด \"ชื่อ: ชื่อ-สกุลของท่าน\" แล้วส่งใหม่ หรือลงทะเบียนครั้งเดียว เช่น " + RegistrationExample + " (ข้อความนี้บันทึกไว้แล้ว)";

    public const string NoReporterError = "ไม่พบชื่อผู้รายงาน";

    /// <summary>The answer to someone asking about a report the bot did not take; the filled template follows it.</summary>
    public const string HelpAsked =
        "ขออภัยครับ ระบบยังไม่พบรายงานในข้อความที่ส่งมา กรุณาคัดลอกแบบรายงานในข้อความถัดไป แก้ไขให้ตรงกับงานของวันนั้น แล้วส่งใหม่ในกลุ่มนี้ครับ";

    /// <summary>A report naming a roster person linked to another LINE user: kept for admins, filed on nobody's day.</summary>
    public static string Disputed(string claimedName) =>
        $"ขออภัยครับ ชื่อ \"{claimedName}\" ในรายงานนี้ลงทะเบียนไว้กับบัญชี LINE ของผู้อื่น ระบบจึงไม่ได้บันทึกเป็นรายงานของท่านนั้น และไม่ได้แทนที่รายงานใดครับ "
        + "รายงานนี้เก็บไว้ให้ผู้ดูแลตรวจสอบแล้ว\nหากเป็นรายงานของท่านเอง กรุณาแก้ชื่อเป็นชื่อ-สกุลของท่านแล้วส่งใหม่ครับ";

    public static string PlanDisputed(string claimedName) =>
        $"ขออภัยครับ ชื่อ \"{claimedName}\" ในแผนงานนี้ลงทะเบียนไว้กับบัญชี LINE ของผู้อื่น ระบบจึงไม่ได้บันทึกแผนงานนี้ครับ "
        + "หากเป็นแผนงานของท่านเอง กรุณาแก้ชื่อเป็นชื่อ-สกุลของท่านแล้วส่งใหม่ครับ";

    public static string Confirmation(DailyReport report, SaveOutcome outcome, bool profileCreated)
    {
        var text = new StringBuilder();
        text.Append(outcome switch
        {
            SaveOutcome.Replaced or SaveOutcome.Updated => "✅ อัปเดตรายงานแล้ว (ใช้ฉบับนี้แทนฉบับก่อน)",
            SaveOutcome.Superseded => "✅ บันทึกแล้ว (มีรายงานวันเดียวกันที่ส่งทีหลังเป็นฉบับปัจจุบัน)",
            _ => "✅ รับรายงานแล้ว",
        }).Append('\n');
        text.Append("ผู้รายงาน: ").Append(report.ReporterName).Append('\n');
        if (report.Date is { } date)
        {
            text.Append("วันที่: ").Append(ThaiDates.Long(date)).Append('\n');
        }

        if (report.Site.Label() is { Length: > 0 } site)
        {
            text.Append("พื้นที่: ").Append(site).Append('\n');
        }

        text.Append("กิจกรรม: ").Append(report.Activities.Count).Append(" รายการ\n");
        text.Append("ปัญหา/อุปสรรค: ").Append(report.Problems.Count == 0 ? "ไม่มี" : report.Problems.Count + " รายการ").Append('\n');
        text.Append("ภาพถ่าย: ").Append(report.PhotoCount).Append(" ภาพ");

        var missing = new List<string>();
        if (!report.IsCertified)
        {
            missing.Add("ผู้รับรอง");
        }

        if (report.PhotoCount == 0)
        {
            missing.Add("ภาพถ่าย");
        }

        if (missing.Count > 0)
        {
            text.Append("\nยังขาด: ").AppendJoin(", ", missing);
        }

        foreach (var warning in report.Warnings)
        {
            text.Append("\nหมายเหตุ: ").Append(warning);
        }

        if (profileCreated)
        {
            text.Append("\nสร้างข้อมูลผู้รายงานใหม่จากรายงานนี้แล้ว (แก้ไขได้ด้วย /ลงทะเบียน)");
        }

        return text.ToString();
    }

    public static string Errors(DailyReport report, bool profileCreated)
    {
        var text = new StringBuilder("⚠️ รายงานยังไม่สมบูรณ์ (บันทึกไว้แล้ว กรุณาแก้ไขแล้วส่งใหม่)");
        foreach (var error in report.Errors)
        {
            text.Append("\n- ").Append(error);
        }

        if (profileCreated)
        {
            text.Append("\nสร้างข้อมูลผู้รายงานใหม่จากรายงานนี้แล้ว (แก้ไขได้ด้วย /ลงทะเบียน)");
        }

        text.Append('\n').Append(TemplateIntro);
        return text.ToString();
    }

    public static string PlanSaved(MonthlyPlan plan) =>
        $"✅ {(plan.Version > 1 ? "อัปเดต" : "รับ")}แผนการปฏิบัติงานเดือน{ThaiDates.MonthYear(plan.Year, plan.Month)}แล้ว\n"
        + $"ผู้รายงาน: {plan.ReporterName}\nแผนงาน: {plan.Items.Count} รายการ";

    public static string PlanErrors(ParsedMessage parsed) =>
        "⚠️ แผนการปฏิบัติงานยังไม่สมบูรณ์\n- " + string.Join("\n- ", parsed.Errors);

    public static string PhotosAttached(int count) => $"📷 แนบภาพถ่ายกับรายงานของวันนี้แล้ว รวม {count} ภาพ";
}
