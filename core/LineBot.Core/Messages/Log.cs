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

    [LoggerMessage(8014, LogLevel.Warning, "Event {EventId}: reply failed ({Error}: {Reason}).")]
    public static partial void ReplyFailed(ILogger logger, string eventId, string error, string reason);

    [LoggerMessage(8015, LogLevel.Warning, "Admin notices could not be read ({Error}); replying without them.")]
    public static partial void NoticeFailed(ILogger logger, string error);
}
