using LineBot.Events;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>LINE asks bots to delete their copy of an unsent message: the report version goes (and the profile's last report date follows); nothing is said.</summary>
internal sealed class ReportUnsent(ReportStore reports, LastReportRecalculation lastReport, ILogger<ReportUnsent> logger)
{
    public async Task HandleAsync(EventContext context, string messageId, CancellationToken cancellationToken)
    {
        if (await reports.UnsendAsync(messageId, cancellationToken) is { } removed)
        {
            Log.Unsent(logger, messageId, removed.ReporterId);
            if (removed.ReporterId != DailyReport.Unattributed)
            {
                // The profile's last report date may have been this one.
                await lastReport.RecomputeAsync(removed.ReporterId, cancellationToken);
            }
        }
    }
}
