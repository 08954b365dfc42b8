using Microsoft.Extensions.Logging;

namespace LineBot.Events;

// What the worker drops, keeps aside or leaves before any handler runs (issue 12: nothing lost, misfiled or spoofed).
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "Webhook rejected: body of {Length} bytes is over the {Max}-byte limit (-1 = unknown length).")]
    public static partial void BodyTooLarge(ILogger logger, long length, int max);

    [LoggerMessage(1002, LogLevel.Warning, "Webhook rejected: {Problem} x-line-signature on a {Length}-byte body.")]
    public static partial void BadSignature(ILogger logger, string problem, int length);

    [LoggerMessage(1003, LogLevel.Warning, "Signed webhook body is malformed ({Error}); kept as blob {BlobName}.")]
    public static partial void Malformed(ILogger logger, string error, string blobName);

    [LoggerMessage(1004, LogLevel.Debug, "Webhook accepted: {Count} event(s) queued.")]
    public static partial void Accepted(ILogger logger, int count);

    [LoggerMessage(1005, LogLevel.Error, "Storage unavailable while accepting a webhook; answering 503 so that LINE redelivers.")]
    public static partial void StorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(1006, LogLevel.Warning, "A webhook event does not parse ({Error}); kept under malformed/events/, the other events go on.")]
    public static partial void EventKept(ILogger logger, string error);

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

    [LoggerMessage(2008, LogLevel.Error, "Queue message moved to the poison queue after {Attempts} attempts: {Reason}")]
    public static partial void Poisoned(ILogger logger, long attempts, string reason);

    [LoggerMessage(2009, LogLevel.Debug, "Event {EventId} ({Type}) processed.")]
    public static partial void Processed(ILogger logger, string eventId, string type);

    [LoggerMessage(2010, LogLevel.Warning, "Bot:GroupIds is empty: every group is served. Set it before going live.")]
    public static partial void AnyGroupServed(ILogger logger);

    [LoggerMessage(2011, LogLevel.Warning, "Polling the events queue failed; retrying.")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(2012, LogLevel.Information, "Left group {GroupId}: it is not in Bot:GroupIds.")]
    public static partial void LeftGroup(ILogger logger, string groupId);

    [LoggerMessage(2013, LogLevel.Warning, "Leaving group {GroupId} (not in Bot:GroupIds) failed; the event is dropped anyway.")]
    public static partial void LeaveFailed(ILogger logger, string groupId, Exception exception);

    [LoggerMessage(2014, LogLevel.Information, "Event {EventId} ({Type}) from a one-to-one chat with a user the bot does not know dropped.")]
    public static partial void UnknownUser(ILogger logger, string eventId, string type);

    [LoggerMessage(2015, LogLevel.Warning, "Event {EventId} ({Type}) names no chat (source: {SourceType}); dropped.")]
    public static partial void NoChat(ILogger logger, string eventId, string type, string sourceType);

    [LoggerMessage(2016, LogLevel.Information, "Left room {RoomId}: it is not in Bot:GroupIds.")]
    public static partial void LeftRoom(ILogger logger, string roomId);

    [LoggerMessage(2017, LogLevel.Information, "Event {EventId} kept under unknown/ ({Reason}).")]
    public static partial void KeptUnknown(ILogger logger, string eventId, string reason);

    [LoggerMessage(2018, LogLevel.Debug, "Group of {Count} event(s) run, each sender's in order.")]
    public static partial void GroupRun(ILogger logger, int count);
}
