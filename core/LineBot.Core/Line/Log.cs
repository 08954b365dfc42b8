using Microsoft.Extensions.Logging;

namespace LineBot.Line;

// Never log access tokens, reply tokens or message text; IDs and counts only.
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Debug, "LINE reply with {Count} message(s) sent (request {RequestId}).")]
    public static partial void Replied(ILogger logger, int count, string? requestId);

    [LoggerMessage(3002, LogLevel.Information, "LINE {Operation} with {Count} message(s) sent, retry key {RetryKey} (request {RequestId}).")]
    public static partial void Pushed(ILogger logger, string operation, int count, Guid retryKey, string? requestId);

    [LoggerMessage(3003, LogLevel.Information, "LINE {Operation} with retry key {RetryKey} was already accepted (request {AcceptedRequestId}); counted as sent.")]
    public static partial void AlreadyAccepted(ILogger logger, string operation, Guid retryKey, string acceptedRequestId);

    [LoggerMessage(3004, LogLevel.Warning, "LINE {Operation} failed with {Status}: {LineMessage} (request {RequestId}).")]
    public static partial void ApiError(ILogger logger, string operation, int status, string? lineMessage, string? requestId);

    [LoggerMessage(3005, LogLevel.Information, "Content of message {MessageId} is {Outcome}.")]
    public static partial void ContentOutcome(ILogger logger, string messageId, string outcome);

    [LoggerMessage(3006, LogLevel.Information, "Outbox {LogicalKey}: already sent; nothing pushed.")]
    public static partial void OutboxAlreadySent(ILogger logger, string logicalKey);

    [LoggerMessage(3007, LogLevel.Information, "Outbox {LogicalKey}: resending with the stored retry key {RetryKey}.")]
    public static partial void OutboxResend(ILogger logger, string logicalKey, Guid retryKey);

    [LoggerMessage(3008, LogLevel.Warning, "Outbox {LogicalKey}: the stored retry key {RetryKey} is older than 24 h; LINE may deliver twice.")]
    public static partial void OutboxStaleKey(ILogger logger, string logicalKey, Guid retryKey);

    [LoggerMessage(3009, LogLevel.Information, "Reply to {ChatId} not sent ({Reason}); pushing instead.")]
    public static partial void ReplyFallback(ILogger logger, string chatId, string reason);

    [LoggerMessage(3010, LogLevel.Warning, "Reply to {ChatId} not delivered: {Reason}.")]
    public static partial void NotDelivered(ILogger logger, string chatId, string reason);

    [LoggerMessage(3011, LogLevel.Debug, "Quota check for {ChatId}: {Cost} message(s) needed, {Left} left this month.")]
    public static partial void QuotaChecked(ILogger logger, string chatId, long cost, long left);

    [LoggerMessage(3012, LogLevel.Warning, "LINE quota could not be read; pushes are refused until it can.")]
    public static partial void QuotaUnknown(ILogger logger, Exception exception);
}
