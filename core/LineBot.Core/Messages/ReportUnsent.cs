using LineBot.Events;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>LINE asks bots to delete their copy of an unsent message: the report version goes; nothing is said.</summary>
internal sealed class ReportUnsent(ReportStore reports, ILogger<ReportUnsent> logger)
{
    public async Task HandleAsync(EventContext context, string messageId, CancellationToken cancellationToken)
    {
        if (await reports.UnsendAsync(messageId, cancellationToken) is { } removed)
        {
            Log.Unsent(logger, messageId, removed.ReporterId);
        }
    }
}
