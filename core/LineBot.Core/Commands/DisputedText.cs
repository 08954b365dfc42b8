using System.Globalization;
using System.Text;
using LineBot.Calendar;
using LineBot.Reports;

namespace LineBot.Commands;

/// <summary>
/// The admins' part of <c>/สถานะ</c> about disputed reports: a name written that belongs to another LINE user's
/// roster entry. Held aside, on nobody's day, until an admin sorts it out with the sender.
/// </summary>
internal static class DisputedText
{
    /// <summary>How far back the status looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private const int Listed = 10;

    public static string For(IReadOnlyList<DailyReport> disputed)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\n⚠️ รายงานที่ระบุชื่อของผู้อื่น (30 วันล่าสุด) {disputed.Count} ฉบับ ยังไม่นับเป็นรายงานของผู้ใด กรุณาตรวจสอบกับผู้ส่ง:\n");
        foreach (var report in disputed.Take(Listed))
        {
            var sender = report.ReporterName is { Length: > 0 } name ? name : report.ReporterId;
            var day = report.Date is { } date ? ThaiDates.Short(date) : "ไม่ระบุวันที่";
            text.Append("- ").Append(day).Append(" ระบุชื่อ ").Append(report.ClaimedName).Append(" ส่งโดย ").Append(sender).Append('\n');
        }

        if (disputed.Count > Listed)
        {
            text.Append(CultureInfo.InvariantCulture, $"และอีก {disputed.Count - Listed} ฉบับ\n");
        }

        return text.ToString();
    }
}
