using LineBot.Events;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>An edited text message: re-parsed; the report it created follows (latest edit wins). No reply.</summary>
internal sealed class ReportEdited(
    ReportParser parser,
    ReportStore reports,
    ReporterStore reporters,
    ReporterResolver resolver,
    AfterReportSaved afterSave,
    LastReportRecalculation lastReport,
    ILogger<ReportEdited> logger)
{
    public async Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var message = evt.Message!;
        var before = await reports.GetByMessageAsync(message.Id, cancellationToken);
        // Dates without a year are read against when the message was first sent, not when it was edited.
        var sentAt = before?.ReceivedAt is { } received && received != default ? received : DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        var parsed = parser.Parse(message.Text, sentAt);
        if (parsed.Kind != MessageKind.DailyReport)
        {
            Log.EditNotReport(logger, message.Id, parsed.Kind.Name());
            return;
        }

        var attribution = await ReporterBeforeAsync(before, context.UserId, cancellationToken) is { } reporter
            ? new Attribution(reporter)
            : await resolver.ResolveAsync(context, parsed, cancellationToken);
        var report = ReportDraft.Build(context, parsed, attribution, sentAt);
        var saved = await reports.ApplyEditAsync(report, evt.Timestamp, cancellationToken);
        await afterSave.ApplyAsync(context, saved.Report, cancellationToken);
        if (before?.Date is { } was && was != saved.Report.Date && before.ReporterId != DailyReport.Unattributed)
        {
            // The edit moved the report off its date: the last report date may have been that one.
            await lastReport.RecomputeAsync(before.ReporterId, cancellationToken);
        }

        Log.Edited(logger, message.Id, saved.Outcome);
    }

    /// <summary>
    /// An edit stays with the reporter the original was filed under, unless that was nobody, a dispute (the edit may
    /// fix the name), or a profile linked to another LINE user than the editor's (filed before names were checked):
    /// then it is attributed afresh.
    /// </summary>
    private async Task<Reporter?> ReporterBeforeAsync(DailyReport? before, string? userId, CancellationToken cancellationToken)
    {
        if (before is null || before.ReporterId == DailyReport.Unattributed || before.IsDisputed)
        {
            return null;
        }

        var reporter = await reporters.GetAsync(before.ReporterId, cancellationToken) ?? new Reporter { Id = before.ReporterId, Name = before.ReporterName };
        return reporter.UserId is { } owner && userId is not null && owner != userId ? null : reporter;
    }
}
