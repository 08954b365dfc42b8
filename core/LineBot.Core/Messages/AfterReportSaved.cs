using LineBot.Events;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Messages;

/// <summary>After a report is stored (received or edited): the profile's last report date, and the day's photos and location.</summary>
internal sealed class AfterReportSaved(ReporterStore reporters, PhotoStore photos, LocationStore locations)
{
    /// <summary>Returns the report with the photo count it now has.</summary>
    public async Task<DailyReport> ApplyAsync(EventContext context, DailyReport report, CancellationToken cancellationToken)
    {
        if (report.Date is not { } date || report.ReporterId == DailyReport.Unattributed || report.IsDisputed)
        {
            return report;
        }

        await reporters.TouchLastReportAsync(report.ReporterId, date, cancellationToken);
        // Reads first: a report without photos or a location of that day costs no write here (≤ 3 writes per report).
        if (context.UserId is { } userId
            && (await photos.CountForAsync(userId, date, cancellationToken) > 0 || await locations.LatestOnAsync(userId, date, cancellationToken) is not null))
        {
            var count = await photos.AttachPendingAsync(userId, report.ReporterId, date, cancellationToken);
            return report with { PhotoCount = Math.Max(count, report.PhotoCount) };
        }

        return report;
    }
}
