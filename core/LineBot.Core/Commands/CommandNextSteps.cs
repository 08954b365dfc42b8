using LineBot.Line;
using LineBot.Reporters;

namespace LineBot.Commands;

/// <summary>
/// The quick replies under a command's answer, by role: field workers get their week, the report template and the
/// camera, photo library and location pickers; officers and admins the missing list, status, summary and export.
/// </summary>
internal static class CommandNextSteps
{
    public static QuickReply For(ReporterRole role) => role >= ReporterRole.Officer ? Officer : Reporter;

    /// <summary>After a report is confirmed: what a field worker does next (photos, location, their week).</summary>
    public static QuickReply AfterReport { get; } = QuickReplies.Of(
        new CameraAction("ถ่ายภาพ"),
        new CameraRollAction("เลือกภาพ"),
        new LocationAction("ส่งตำแหน่งแปลง"),
        QuickReplies.Command("สัปดาห์ของฉัน", "/ของฉัน"));

    /// <summary>After a report with errors: the template filled with the sender's details.</summary>
    public static QuickReply AfterReportErrors { get; } = QuickReplies.Of(
        QuickReplies.Command("แบบรายงานของฉัน", "/ช่วยเหลือ รายงาน"),
        QuickReplies.Command("คำสั่งทั้งหมด", "/ช่วยเหลือ"));

    private static readonly QuickReply Reporter = QuickReplies.Of(
        QuickReplies.Command("สัปดาห์ของฉัน", "/ของฉัน"),
        QuickReplies.Command("แบบรายงาน", "/ช่วยเหลือ รายงาน"),
        new CameraAction("ถ่ายภาพ"),
        new CameraRollAction("เลือกภาพ"),
        new LocationAction("ส่งตำแหน่งแปลง"),
        QuickReplies.Command("คำสั่งทั้งหมด", "/ช่วยเหลือ"));

    private static readonly QuickReply Officer = QuickReplies.Of(
        QuickReplies.Command("ใครยังไม่ส่ง", "/ยังไม่ส่ง"),
        QuickReplies.Command("สถานะวันนี้", "/สถานะ"),
        QuickReplies.Command("สรุปสัปดาห์", "/สรุป"),
        QuickReplies.Command("ส่งออก Excel", "/ส่งออก"),
        QuickReplies.Command("รายชื่อผู้รายงาน", "/ผู้รายงาน"),
        QuickReplies.Command("คำสั่งทั้งหมด", "/ช่วยเหลือ"));
}
