using Microsoft.Extensions.Logging;

namespace LineBot.Events;

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
}
