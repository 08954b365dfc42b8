namespace LineBot.Reports.Parsing;

/// <summary>
/// When a message is a try at a daily report (and so must get a reply, complete or not) rather than chatter:
/// a report header with something under it; or two field signals, one of them a date, a list or a
/// certification, unless the first line opens a question, notice, leave request or forward; or, from a
/// registered reporter, a date and a list.
/// </summary>
internal static class ReportAttempt
{
    private const FieldSignal Core = FieldSignal.Date | FieldSignal.Activities | FieldSignal.Problems | FieldSignal.Plans | FieldSignal.Certifier;

    public static bool Is(ReportReading r, bool fromReporter) => Decide(r, fromReporter) is not null;

    /// <summary>Why the message is a report attempt (Thai, for <c>--explain</c>), or null when it is chatter.</summary>
    public static string? Decide(ReportReading r, bool fromReporter)
    {
        if (r.Header == Header.Report && r.DateFromHeader && !r.ShortHeader)
        {
            return "หัวเรื่องรายงานพร้อมวันที่";
        }

        if (r.Header == Header.Report && r.LinesAfterHeader > 0 && (!r.ShortHeader || r.SignalCount > 0 || r.Activities.Count > 0))
        {
            return "หัวเรื่องรายงานและมีข้อความต่อท้าย";
        }

        if (r.SignalCount >= 2 && (r.Signals & Core) != 0 && !(r.ChatterOpening && r.SignalCount < 4))
        {
            return $"พบข้อมูลรายงาน {r.SignalCount} อย่าง ({r.Signals})";
        }

        return fromReporter && r.Signals.HasFlag(FieldSignal.Date) && r.Activities.Count > 0 ? "ผู้รายงานที่ลงทะเบียนแล้วส่งวันที่และรายการ" : null;
    }

    /// <summary>Why a message stays silent (for <c>--explain</c>).</summary>
    public static string WhyChatter(ReportReading r) =>
        r.ChatterOpening ? $"บรรทัดแรกเป็นคำถาม/ประกาศ/การลา/ข่าว และพบข้อมูลรายงานเพียง {r.SignalCount} อย่าง"
        : $"ไม่มีหัวเรื่องรายงาน และพบข้อมูลรายงาน {r.SignalCount} อย่าง ({r.Signals}) ต้องมีอย่างน้อย 2 อย่าง รวมวันที่หรือรายการ";
}
