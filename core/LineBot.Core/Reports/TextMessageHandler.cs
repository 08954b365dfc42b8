using LineBot.Calendar;
using LineBot.Commands;
using LineBot.Events;
using LineBot.Line;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Reports;

/// <summary>
/// Text messages, their edits and unsends: daily reports, monthly plans, registrations and commands. Chatter is
/// left alone (nothing stored, no reply). A report is always kept, even with errors or without a known
/// reporter, so that a fixed re-send or an admin can complete it. Replies are free (reply token, quoting the
/// message) and never fall back to a paid push; in standby mode nothing is answered.
/// </summary>
internal sealed partial class TextMessageHandler(
    ReportParser parser,
    ReportStore reports,
    ReporterStore reporters,
    PhotoStore photos,
    LocationStore locations,
    MonthlyPlanStore plans,
    CommandRouter commands,
    ReplySender replies,
    LineMessagingClient line,
    ILogger<TextMessageHandler> logger)
{
    /// <summary>Reporter ID for report text nobody could be named for (kept undated with its errors).</summary>
    internal const string Unattributed = "unattributed";

    public async Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var message = evt.Message!;
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        var parsed = parser.Parse(message.Text, sentAt);
        LogParsed(logger, evt.WebhookEventId, parsed.Kind.Name(), parsed.Errors.Count);
        switch (parsed.Kind)
        {
            case MessageKind.DailyReport:
                await HandleReportAsync(context, parsed, cancellationToken);
                break;
            case MessageKind.Registration:
                await HandleRegistrationAsync(context, parsed, cancellationToken);
                break;
            case MessageKind.Command:
                await HandleCommandAsync(context, parsed, cancellationToken);
                break;
            case MessageKind.MonthlyPlan:
                await HandlePlanAsync(context, parsed, cancellationToken);
                break;
            default:
                // Chatter: not ours to keep.
                break;
        }
    }

    /// <summary>An edited message: re-parsed; the report it created follows (latest edit wins). No reply.</summary>
    public async Task HandleEditedAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var message = evt.Message!;
        var before = await reports.GetByMessageAsync(message.Id, cancellationToken);
        // Dates without a year are read against when the message was first sent, not when it was edited.
        var sentAt = before?.ReceivedAt is { } received && received != default ? received : DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        var parsed = parser.Parse(message.Text, sentAt);
        if (parsed.Kind != MessageKind.DailyReport)
        {
            LogEditNotReport(logger, message.Id, parsed.Kind.Name());
            return;
        }

        Reporter? reporter = null;
        if (before is not null && before.ReporterId != Unattributed)
        {
            reporter = await reporters.GetAsync(before.ReporterId, cancellationToken)
                       ?? new Reporter { Id = before.ReporterId, Name = before.ReporterName };
        }

        reporter ??= (await ResolveReporterAsync(context, parsed, cancellationToken)).Reporter;
        var report = Build(context, parsed, reporter, sentAt);
        var saved = await reports.ApplyEditAsync(report, evt.Timestamp, cancellationToken);
        await AfterSaveAsync(context, saved.Report, cancellationToken);
        LogEdited(logger, message.Id, saved.Outcome);
    }

    /// <summary>LINE asks bots to delete their copy of an unsent message: the report version goes; nothing is said.</summary>
    public async Task HandleUnsendAsync(EventContext context, string messageId, CancellationToken cancellationToken)
    {
        if (await reports.UnsendAsync(messageId, cancellationToken) is { } removed)
        {
            LogUnsent(logger, messageId, removed.ReporterId);
        }
    }

    private async Task HandleReportAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        var (reporter, created) = await ResolveReporterAsync(context, parsed, cancellationToken);
        var report = Build(context, parsed, reporter, sentAt);
        var saved = await reports.SaveAsync(report, evt.Timestamp, cancellationToken);
        var stored = await AfterSaveAsync(context, saved.Report, cancellationToken);
        LogReportSaved(logger, evt.Message!.Id, stored.ReporterId, stored.Date, saved.Outcome, stored.Errors.Count);

        if (reporter is null)
        {
            await ReplyAsync(context, [new TextMessage(ReportReplies.NoReporterName, evt.Message.QuoteToken)], cancellationToken);
            return;
        }

        if (stored.Errors.Count > 0)
        {
            await ReplyAsync(
                context,
                [new TextMessage(ReportReplies.Errors(stored, created), evt.Message.QuoteToken), new TextMessage(ReportReplies.Template)],
                cancellationToken);
            return;
        }

        await ReplyAsync(context, [new TextMessage(ReportReplies.Confirmation(stored, saved.Outcome, created), evt.Message.QuoteToken)], cancellationToken);
    }

    /// <summary>After a report is stored: the profile's last report date and the day's photos. Returns the report with its photo count.</summary>
    private async Task<DailyReport> AfterSaveAsync(EventContext context, DailyReport report, CancellationToken cancellationToken)
    {
        if (report.Date is not { } date || report.ReporterId == Unattributed)
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

    private DailyReport Build(EventContext context, ParsedMessage parsed, Reporter? reporter, DateTimeOffset sentAt)
    {
        var message = context.Event.Message!;
        var errors = parsed.Errors;
        var date = parsed.Date;
        if (reporter is null)
        {
            // Nobody to attribute it to: kept undated (admins list those) rather than under a made-up person's day.
            errors = [ReportReplies.NoReporterError, .. errors];
            if (date is { } understood)
            {
                errors = [.. errors, $"วันที่ในรายงาน: {ThaiDates.Short(understood)}"];
            }

            date = null;
        }

        return new DailyReport
        {
            GroupId = context.GroupId ?? "direct",
            ReporterId = reporter?.Id ?? Unattributed,
            ReporterName = reporter?.Name ?? parsed.Reporter ?? "",
            Date = date,
            SiteType = parsed.SiteType ?? reporter?.SiteType,
            Province = parsed.Province,
            District = parsed.District ?? reporter?.District,
            Subdistrict = parsed.Subdistrict ?? reporter?.Subdistrict,
            Activities = parsed.Activities,
            Problems = parsed.Problems,
            Plans = parsed.Plans,
            CertifiedBy = parsed.CertifiedBy,
            MessageId = message.Id,
            ReceivedAt = sentAt,
            Errors = errors,
            Warnings = parsed.Warnings,
        };
    }

    /// <summary>
    /// By LINE user ID; else the roster by normalised name (linking the user ID to it when it has none); else a new
    /// profile from the report's own fields and the LINE display name (fetched once, here). Null when there is
    /// neither a user ID nor a name.
    /// </summary>
    private async Task<(Reporter? Reporter, bool Created)> ResolveReporterAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var userId = context.UserId;
        if (userId is not null && await reporters.FindByUserIdAsync(userId, cancellationToken) is { } known)
        {
            return (known, false);
        }

        if (parsed.Reporter is { Length: > 0 } name && await reporters.FindByNameAsync(name, cancellationToken) is { } listed)
        {
            if (userId is not null && listed.UserId is null)
            {
                listed = listed with { UserId = userId };
                await reporters.SaveAsync(listed, cancellationToken);
                LogLinked(logger, listed.Id);
            }

            return (listed, false);
        }

        if (userId is null && parsed.Reporter is not { Length: > 0 })
        {
            return (null, false);
        }

        var displayName = userId is null ? null : await DisplayNameAsync(context, userId, cancellationToken);
        var fullName = parsed.Reporter is { Length: > 0 } written ? written : displayName ?? userId!;
        var reporter = new Reporter
        {
            Id = userId ?? ReporterStore.NameId(fullName),
            Name = fullName,
            UserId = userId,
            DisplayName = displayName,
            SiteType = parsed.SiteType,
            District = parsed.District,
            Subdistrict = parsed.Subdistrict,
        };
        await reporters.SaveAsync(reporter, cancellationToken);
        LogCreated(logger, reporter.Id);
        return (reporter, true);
    }

    private async Task HandleRegistrationAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var quote = context.Event.Message!.QuoteToken;
        if (context.UserId is not { } userId)
        {
            await ReplyAsync(context, [new TextMessage(ReportReplies.RegisterNeedsUser, quote)], cancellationToken);
            return;
        }

        if (parsed.Errors.Count > 0 || parsed.Reporter is null)
        {
            await ReplyAsync(context, [new TextMessage(ReportReplies.RegistrationErrors(parsed), quote)], cancellationToken);
            return;
        }

        var existing = await reporters.FindByUserIdAsync(userId, cancellationToken);
        if (existing is null && await reporters.FindByNameAsync(parsed.Reporter, cancellationToken) is { } listed && (listed.UserId is null || listed.UserId == userId))
        {
            existing = listed;
        }

        var reporter = (existing ?? new Reporter { Id = userId, Name = parsed.Reporter }) with
        {
            Name = parsed.Reporter,
            UserId = userId,
            SiteType = parsed.SiteType,
            District = parsed.District,
            Subdistrict = parsed.Subdistrict,
        };
        if (reporter.DisplayName is null)
        {
            reporter = reporter with { DisplayName = await DisplayNameAsync(context, userId, cancellationToken) };
        }

        await reporters.SaveAsync(reporter, cancellationToken);
        LogRegistered(logger, reporter.Id, existing is not null);
        await ReplyAsync(context, [new TextMessage(ReportReplies.Registered(reporter, existing is not null), quote)], cancellationToken);
    }

    private async Task HandleCommandAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var message = evt.Message!;
        var mentions = new List<Commands.Mention>();
        foreach (var mentionee in message.Mention?.Mentionees ?? [])
        {
            if (mentionee is { Type: "user", UserId: { } id } && mentionee.IsSelf != true)
            {
                var text = message.Text ?? "";
                var shown = mentionee.Index >= 0 && mentionee.Index + mentionee.Length <= text.Length ? text.Substring(mentionee.Index, mentionee.Length) : null;
                mentions.Add(new Commands.Mention(id, shown));
            }
        }

        var request = new CommandRequest(
            parsed.Command ?? "",
            parsed.Args,
            context.UserId,
            context.ChatId ?? "",
            evt.Source?.IsGroup == true,
            mentions,
            DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp));
        var answer = await commands.HandleAsync(request, cancellationToken);
        if (answer.Count == 0)
        {
            return;
        }

        var messages = answer.Take(LineLimits.MaxMessages).Select((m, i) => BotMessages.ToLine(m, i == 0 ? message.QuoteToken : null)).ToList();
        await ReplyAsync(context, messages, cancellationToken);
    }

    private async Task HandlePlanAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var quote = evt.Message!.QuoteToken;
        var (reporter, created) = await ResolveReporterAsync(context, parsed, cancellationToken);
        if (reporter is null)
        {
            await ReplyAsync(context, [new TextMessage(ReportReplies.NoReporterName, quote)], cancellationToken);
            return;
        }

        if (parsed.Month is not { } month || parsed.Plans.Count == 0)
        {
            await ReplyAsync(context, [new TextMessage(ReportReplies.PlanErrors(parsed), quote)], cancellationToken);
            return;
        }

        var plan = await plans.SaveAsync(
            new MonthlyPlan(reporter.Id, month.Year, month.Month, parsed.Plans)
            {
                ReporterName = reporter.Name,
                MessageId = evt.Message.Id,
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp),
            },
            cancellationToken);
        LogPlanSaved(logger, reporter.Id, month, plan.Version, created);
        await ReplyAsync(context, [new TextMessage(ReportReplies.PlanSaved(plan), quote)], cancellationToken);
    }

    private async Task<string?> DisplayNameAsync(EventContext context, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return context.Event.Source?.GroupId is { } groupId
                ? (await line.GetGroupMemberProfileAsync(groupId, userId, cancellationToken))?.DisplayName
                : (await line.GetProfileAsync(userId, cancellationToken))?.DisplayName;
        }
        catch (Exception ex) when (ex is LineApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The name from the report is enough; the display name is a nicety.
            LogProfileFailed(logger, userId, ex.GetType().Name);
            return null;
        }
    }

    private async Task ReplyAsync(EventContext context, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        if (!context.CanAnswer || evt.ReplyToken is not { Length: > 0 } token || context.ChatId is not { } chatId)
        {
            LogNoReply(logger, evt.WebhookEventId, context.CanAnswer ? "no reply token" : "standby");
            return;
        }

        try
        {
            var outcome = await replies.SendReplyAsync(token, chatId, messages, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp), allowPushFallback: false, cancellationToken);
            LogReplied(logger, evt.WebhookEventId, outcome.Kind, outcome.Reason);
        }
        catch (Exception ex) when (ex is LineApiException or HttpRequestException)
        {
            // What was sent is stored; a failed answer must not make the event run (and store) again.
            LogReplyFailed(logger, evt.WebhookEventId, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(8001, LogLevel.Information, "Text event {EventId}: {Kind}, {ErrorCount} error(s).")]
    private static partial void LogParsed(ILogger logger, string eventId, string kind, int errorCount);

    [LoggerMessage(8003, LogLevel.Information, "Report from message {MessageId} for {ReporterId} dated {Date}: {Outcome}, {ErrorCount} error(s).")]
    private static partial void LogReportSaved(ILogger logger, string messageId, string reporterId, DateOnly? date, SaveOutcome outcome, int errorCount);

    [LoggerMessage(8004, LogLevel.Information, "Edit of message {MessageId} applied: {Outcome}.")]
    private static partial void LogEdited(ILogger logger, string messageId, SaveOutcome outcome);

    [LoggerMessage(8005, LogLevel.Information, "Edited message {MessageId} is no longer a report ({Kind}); stored report left as it was.")]
    private static partial void LogEditNotReport(ILogger logger, string messageId, string kind);

    [LoggerMessage(8006, LogLevel.Information, "Unsent message {MessageId}: report version of {ReporterId} removed.")]
    private static partial void LogUnsent(ILogger logger, string messageId, string reporterId);

    [LoggerMessage(8007, LogLevel.Information, "Reporter {ReporterId} created from a report.")]
    private static partial void LogCreated(ILogger logger, string reporterId);

    [LoggerMessage(8008, LogLevel.Information, "Roster entry {ReporterId} linked to its LINE user.")]
    private static partial void LogLinked(ILogger logger, string reporterId);

    [LoggerMessage(8009, LogLevel.Information, "Reporter {ReporterId} registered (update: {Updated}).")]
    private static partial void LogRegistered(ILogger logger, string reporterId, bool updated);

    [LoggerMessage(8010, LogLevel.Information, "Monthly plan of {ReporterId} for {Month} saved, version {Version} (profile created: {Created}).")]
    private static partial void LogPlanSaved(ILogger logger, string reporterId, DateOnly month, int version, bool created);

    [LoggerMessage(8011, LogLevel.Warning, "LINE profile of {UserId} not fetched ({Error}); using the name in the message.")]
    private static partial void LogProfileFailed(ILogger logger, string userId, string error);

    [LoggerMessage(8012, LogLevel.Debug, "Event {EventId}: no reply ({Reason}).")]
    private static partial void LogNoReply(ILogger logger, string eventId, string reason);

    [LoggerMessage(8013, LogLevel.Information, "Event {EventId}: reply {Outcome} {Reason}.")]
    private static partial void LogReplied(ILogger logger, string eventId, ReplyOutcomeKind outcome, string? reason);

    [LoggerMessage(8014, LogLevel.Warning, "Event {EventId}: reply failed ({Error}: {Reason}).")]
    private static partial void LogReplyFailed(ILogger logger, string eventId, string error, string reason);
}
