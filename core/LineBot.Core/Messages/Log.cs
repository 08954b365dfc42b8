using LineBot.Line;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

internal static partial class Log
{
    [LoggerMessage(8001, LogLevel.Debug, "Text event {EventId}: {Kind}, {ErrorCount} error(s).")]
    public static partial void Parsed(ILogger logger, string eventId, string kind, int errorCount);

    [LoggerMessage(8003, LogLevel.Debug, "Report from message {MessageId} for {ReporterId} dated {Date}: {Outcome}, {ErrorCount} error(s).")]
    public static partial void ReportSaved(ILogger logger, string messageId, string reporterId, DateOnly? date, SaveOutcome outcome, int errorCount);

    [LoggerMessage(8004, LogLevel.Information, "Edit of message {MessageId} applied: {Outcome}.")]
    public static partial void Edited(ILogger logger, string messageId, SaveOutcome outcome);

    [LoggerMessage(8005, LogLevel.Information, "Edited message {MessageId} is no longer a report ({Kind}); stored report left as it was.")]
    public static partial void EditNotReport(ILogger logger, string messageId, string kind);

    [LoggerMessage(8006, LogLevel.Information, "Unsent message {MessageId}: report version of {ReporterId} removed.")]
    public static partial void Unsent(ILogger logger, string messageId, string reporterId);

    [LoggerMessage(8007, LogLevel.Information, "Reporter {ReporterId} created from a report.")]
    public static partial void Created(ILogger logger, string reporterId);

    [LoggerMessage(8008, LogLevel.Information, "Roster entry {ReporterId} linked to its LINE user.")]
    public static partial void Linked(ILogger logger, string reporterId);

    [LoggerMessage(8009, LogLevel.Information, "Reporter {ReporterId} registered (update: {Updated}).")]
    public static partial void Registered(ILogger logger, string reporterId, bool updated);

    [LoggerMessage(8010, LogLevel.Information, "Monthly plan of {ReporterId} for {Month} saved, version {Version} (profile created: {Created}).")]
    public static partial void PlanSaved(ILogger logger, string reporterId, DateOnly month, int version, bool created);

    [LoggerMessage(8011, LogLevel.Warning, "LINE profile of {UserId} not fetched ({Error}); using the name in the message.")]
    public static partial void ProfileFailed(ILogger logger, string userId, string error);

    [LoggerMessage(8012, LogLevel.Debug, "Event {EventId}: no reply ({Reason}).")]
    public static partial void NoReply(ILogger logger, string eventId, string reason);

    [LoggerMessage(8013, LogLevel.Debug, "Event {EventId}: reply {Outcome} {Reason}.")]
    public static partial void Replied(ILogger logger, string eventId, ReplyOutcomeKind outcome, string? reason);

    [LoggerMessage(8015, LogLevel.Warning, "A message from {UserId} names {ReporterId}, a roster person linked to another LINE user: held as disputed.")]
    public static partial void Disputed(ILogger logger, string userId, string reporterId);

    [LoggerMessage(8014, LogLevel.Warning, "Event {EventId}: reply failed ({Error}: {Reason}).")]
    public static partial void ReplyFailed(ILogger logger, string eventId, string error, string reason);

    [LoggerMessage(8020, LogLevel.Warning, "Admin notices could not be read ({Error}); replying without them.")]
    public static partial void NoticeFailed(ILogger logger, string error);

    [LoggerMessage(8101, LogLevel.Information, "Postback event {EventId} runs /{Command}.")]
    public static partial void Postback(ILogger logger, string eventId, string command);

    [LoggerMessage(8102, LogLevel.Information, "Postback event {EventId} carries no command; skipped.")]
    public static partial void PostbackSkipped(ILogger logger, string eventId);

    [LoggerMessage(8103, LogLevel.Information, "Event {EventId} ({Type}): greeting sent to a {Role}.")]
    public static partial void Greeted(ILogger logger, string eventId, string type, string role);

    [LoggerMessage(8105, LogLevel.Information, "Event {EventId} ({Type}) from a stranger: answered already (this event, or today), nothing sent.")]
    public static partial void StrangerAlreadyAnswered(ILogger logger, string eventId, string type);

    [LoggerMessage(8111, LogLevel.Information, "Roster file {MessageId} imported: {Created} created, {Updated} updated, {Rejected} rejected.")]
    public static partial void RosterImported(ILogger logger, string messageId, int created, int updated, int rejected);

    [LoggerMessage(8112, LogLevel.Warning, "Roster file {MessageId} not fetched ({Reason}).")]
    public static partial void RosterNotFetched(ILogger logger, string messageId, string reason);

    [LoggerMessage(8113, LogLevel.Warning, "Roster file {MessageId} unreadable ({Error}).")]
    public static partial void RosterUnreadable(ILogger logger, string messageId, string error);

    [LoggerMessage(8104, LogLevel.Information, "Last report date of {ReporterId} recomputed: {Date}.")]
    public static partial void LastReportRecomputed(ILogger logger, string reporterId, DateOnly? date);
}
