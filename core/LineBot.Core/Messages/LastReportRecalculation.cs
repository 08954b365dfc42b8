using LineBot.Calendar;
using LineBot.Reporters;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>
/// Keeps a profile's last report date true when a report goes (unsend) or moves to another date (edit): the
/// newest current report, looked for week by week back from the stored date (at most a quarter, and not before the
/// reporter's start). Rare events, so a few partition reads are fine.
/// </summary>
internal sealed class LastReportRecalculation(ReportStore reports, ReporterStore reporters, BotClock clock, ILogger<LastReportRecalculation> logger)
{
    private const int WeeksBack = 13;

    public async Task RecomputeAsync(string reporterId, CancellationToken cancellationToken)
    {
        if (await reporters.GetAsync(reporterId, cancellationToken) is not { } profile)
        {
            return;
        }

        var newest = profile.LastReportDate ?? clock.Today;
        DateOnly? latest = null;
        var week = WorkCalendar.WeekOf(newest);
        for (var i = 0; i < WeeksBack; i++, week = week.Previous)
        {
            var dates = (await reports.ListWeekAsync(week.Monday, cancellationToken: cancellationToken))
                .Where(r => r.ReporterId == reporterId && r.Date is { } d && d <= newest)
                .Select(r => r.Date!.Value)
                .ToList();
            if (dates.Count > 0)
            {
                latest = dates.Max();
                break;
            }

            if (profile.StartDate is { } start && week.Monday <= start)
            {
                break;
            }
        }

        if (latest != profile.LastReportDate)
        {
            await reporters.SetLastReportAsync(reporterId, latest, cancellationToken);
            Log.LastReportRecomputed(logger, reporterId, latest);
        }
    }
}
