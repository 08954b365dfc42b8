using LineBot.Events;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Messages;

/// <summary>After a report is stored (received or edited): the profile's last report date, and the day's photos and location.</summary>
internal sealed class AfterReportSaved(ReporterStore reporters, PhotoStore photos, EvidenceMarks marks)
{
    /// <summary>Returns the report with the photo count it now has.</summary>
    public async Task<DailyReport> ApplyAsync(EventContext context, DailyReport report, CancellationToken cancellationToken)
    {
        if (report.Date is not { } date || report.ReporterId == DailyReport.Unattributed || report.IsDisputed)
        {
            return report;
        }

        await reporters.TouchLastReportAsync(report.ReporterId, date, cancellationToken);
        // One point read first: a report of a day without photos or a location costs no query and no write here.
        if (context.UserId is { } userId && await marks.AnyAsync(userId, date, cancellationToken))
        {
            var count = await photos.AttachPendingAsync(userId, report.ReporterId, date, cancellationToken);
            return report with { PhotoCount = Math.Max(count, report.PhotoCount) };
        }

        return report;
    }
}
