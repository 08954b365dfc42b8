using LineBot.Commands;
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
    ReportTemplates templates,
    MessageReplier replier,
    ILogger<ReportReceived> logger)
{
    public async Task HandleAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var attribution = await resolver.ResolveAsync(context, parsed, cancellationToken);
        var (reporter, created) = (attribution.Reporter, attribution.Created);
        var report = ReportDraft.Build(context, parsed, attribution, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp));
        // A profile whose last report is older than this one's date (or a new one) most likely has no report that day.
        var firstOfDay = report.Date is { } day && (created || reporter?.LastReportDate is not { } last || last < day);
        var saved = await reports.SaveAsync(report, evt.Timestamp, cancellationToken, likelyFirstOfDay: firstOfDay);
        var stored = await afterSave.ApplyAsync(context, saved.Report, cancellationToken);
        Log.ReportSaved(logger, evt.Message!.Id, stored.ReporterId, stored.Date, saved.Outcome, stored.Errors.Count);
        if (created)
        {
            await resolver.EnrichAsync(context, reporter!, cancellationToken);
        }
        else if (stored.ClaimedName is not null)
        {
            stored = await NameDisputedSenderAsync(context, stored, reporter, cancellationToken);
        }

        // An attempt that cannot be filed as it is gets what was understood, what is missing, and the template
        // filled with the sender's own details to copy, fix and resend.
        var template = new TextMessage(templates.For(reporter, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp), parsed));
        if (stored.ClaimedName is { } claimed)
        {
            // Nobody's day changed; the sender learns why, and admins see it in /สถานะ.
            await replier.QuoteAsync(context, ReportReplies.Disputed(claimed), cancellationToken);
        }
        else if (reporter is null)
        {
            await replier.ReplyAsync(context, [new TextMessage(ReportReplies.NoReporterName, evt.Message.QuoteToken), template], cancellationToken);
        }
        else if (stored.Errors.Count > 0)
        {
            await replier.ReplyAsync(
                context,
                [new TextMessage(ReportReplies.Errors(stored, created), evt.Message.QuoteToken), template with { QuickReply = CommandNextSteps.AfterReportErrors }],
                cancellationToken);
        }
        else
        {
            var confirmation = new TextMessage(ReportReplies.Confirmation(stored, saved.Outcome, created), evt.Message.QuoteToken) { QuickReply = CommandNextSteps.AfterReport };
            await replier.ReplyAsync(context, [confirmation], cancellationToken);
        }
    }

    /// <summary>
    /// A dispute from someone the bot does not know is stored under their user ID first; admins read it better with
    /// the LINE display name, fetched only now that the message is safe (LINE down: the user ID stays).
    /// </summary>
    private async Task<DailyReport> NameDisputedSenderAsync(EventContext context, DailyReport stored, Reporters.Reporter? sender, CancellationToken cancellationToken)
    {
        if (sender is not { DisplayName: null, UserId: { } userId } || sender.Name != userId
            || await resolver.DisplayNameAsync(context, userId, cancellationToken) is not { } shown)
        {
            return stored;
        }

        // An edit one millisecond after the message: any real edit of it comes later and still applies.
        return (await reports.ApplyEditAsync(stored with { ReporterName = shown }, context.Event.Timestamp + 1, cancellationToken)).Report;
    }
}
