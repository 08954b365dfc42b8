using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>Log lines of roster files sent in chat and of last-report dates recomputed.</summary>
internal static partial class Log
{
    [LoggerMessage(8111, LogLevel.Information, "Roster file {MessageId} imported: {Created} created, {Updated} updated, {Rejected} rejected.")]
    public static partial void RosterImported(ILogger logger, string messageId, int created, int updated, int rejected);

    [LoggerMessage(8112, LogLevel.Warning, "Roster file {MessageId} not fetched ({Reason}).")]
    public static partial void RosterNotFetched(ILogger logger, string messageId, string reason);

    [LoggerMessage(8113, LogLevel.Warning, "Roster file {MessageId} unreadable ({Error}).")]
    public static partial void RosterUnreadable(ILogger logger, string messageId, string error);

    [LoggerMessage(8104, LogLevel.Information, "Last report date of {ReporterId} recomputed: {Date}.")]
    public static partial void LastReportRecomputed(ILogger logger, string reporterId, DateOnly? date);
}
