using Microsoft.Extensions.Logging;

namespace LineBot.Events;

internal static partial class Log
{
    [LoggerMessage(2003, LogLevel.Information, "Event {EventId} ({Type}) from a group not in Bot:GroupIds ({GroupId}) dropped.")]
    public static partial void NotAllowed(ILogger logger, string eventId, string type, string groupId);

    [LoggerMessage(2004, LogLevel.Debug, "Event {EventId} already processed; duplicate delivery ignored (redelivery: {Redelivery}).")]
    public static partial void Duplicate(ILogger logger, string eventId, bool redelivery);

    [LoggerMessage(2005, LogLevel.Information, "Event {EventId} is being processed by another worker; retrying later.")]
    public static partial void Busy(ILogger logger, string eventId);

    [LoggerMessage(2006, LogLevel.Error, "Queue message is not a LINE event envelope; sent to the poison queue.")]
    public static partial void Unreadable(ILogger logger);

    [LoggerMessage(2007, LogLevel.Warning, "Queue message {MessageId} failed on attempt {Attempt}.")]
    public static partial void Failed(ILogger logger, string messageId, long attempt, Exception exception);

    [LoggerMessage(2011, LogLevel.Warning, "Polling the events queue failed; retrying.")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(2008, LogLevel.Error, "Queue message moved to the poison queue after {Attempts} attempts: {Reason}")]
    public static partial void Poisoned(ILogger logger, long attempts, string reason);

    [LoggerMessage(2009, LogLevel.Debug, "Event {EventId} ({Type}) processed.")]
    public static partial void Processed(ILogger logger, string eventId, string type);

    [LoggerMessage(2010, LogLevel.Warning, "Bot:GroupIds is empty: every group is served. Set it before going live.")]
    public static partial void AnyGroupServed(ILogger logger);

    [LoggerMessage(2014, LogLevel.Information, "Event {EventId} ({Type}) from a one-to-one chat with a user the bot does not know dropped.")]
    public static partial void UnknownUser(ILogger logger, string eventId, string type);

    [LoggerMessage(2012, LogLevel.Information, "Left group {GroupId}: it is not in Bot:GroupIds.")]
    public static partial void LeftGroup(ILogger logger, string groupId);

    [LoggerMessage(2013, LogLevel.Warning, "Leaving group {GroupId} (not in Bot:GroupIds) failed; the event is dropped anyway.")]
    public static partial void LeaveFailed(ILogger logger, string groupId, Exception exception);
}
