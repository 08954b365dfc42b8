using LineBot.Events;
using LineBot.Line;
using LineBot.Reports;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>
/// A daily report: always kept, even with errors or without a known reporter, so that a fixed re-send or an admin
/// can complete it; then confirmed, or answered with what is missing and a template to copy.
/// </summary>
internal sealed class ReportReceived(
    ReporterResolver resolver,
    ReportStore reports,
    AfterReportSaved afterSave,
    MessageReplier replier,
    ILogger<ReportReceived> logger)
{
    public async Task HandleAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var (reporter, created) = await resolver.ResolveAsync(context, parsed, cancellationToken);
        var report = ReportDraft.Build(context, parsed, reporter, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp));
        var saved = await reports.SaveAsync(report, evt.Timestamp, cancellationToken);
        var stored = await afterSave.ApplyAsync(context, saved.Report, cancellationToken);
        Log.ReportSaved(logger, evt.Message!.Id, stored.ReporterId, stored.Date, saved.Outcome, stored.Errors.Count);
        if (created)
        {
            await resolver.EnrichAsync(context, reporter!, cancellationToken);
        }

        if (reporter is null)
        {
            await replier.QuoteAsync(context, ReportReplies.NoReporterName, cancellationToken);
        }
        else if (stored.Errors.Count > 0)
        {
            await replier.ReplyAsync(
                context,
                [new TextMessage(ReportReplies.Errors(stored, created), evt.Message.QuoteToken), new TextMessage(ReportReplies.Template)],
                cancellationToken);
        }
        else
        {
            await replier.QuoteAsync(context, ReportReplies.Confirmation(stored, saved.Outcome, created), cancellationToken);
        }
    }
}
