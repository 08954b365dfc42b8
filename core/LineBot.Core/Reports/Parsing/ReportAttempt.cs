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

    public static bool Is(ReportReading r, bool fromReporter)
    {
        if (r.Header == Header.Report && ((r.DateFromHeader && !r.ShortHeader)
            || (r.LinesAfterHeader > 0 && (!r.ShortHeader || r.SignalCount > 0 || r.Activities.Count > 0))))
        {
            return true;
        }

        if (r.SignalCount >= 2 && (r.Signals & Core) != 0 && !(r.ChatterOpening && r.SignalCount < 4))
        {
            return true;
        }

        return fromReporter && r.Signals.HasFlag(FieldSignal.Date) && r.Activities.Count > 0;
    }
}
