using Microsoft.Extensions.Logging;

namespace LineBot.Photos;

/// <summary>Photo and location log messages (IDs 40xx/41xx). Never message text; IDs and sizes only.</summary>
internal static partial class PhotoLog
{
    [LoggerMessage(4002, LogLevel.Debug, "Message {MessageId} ({Kind}) stored: {Bytes} bytes at {BlobName}.")]
    public static partial void Stored(ILogger logger, string messageId, string kind, long bytes, string blobName);

    [LoggerMessage(4003, LogLevel.Information, "Message {MessageId} ({Kind}, {FileSize} bytes announced) recorded as received; this content type is not downloaded.")]
    public static partial void Unsupported(ILogger logger, string messageId, string kind, long? fileSize);

    [LoggerMessage(4004, LogLevel.Debug, "Message {MessageId} delivered again; already {Status}, stored once.")]
    public static partial void Duplicate(ILogger logger, string messageId, string status);

    [LoggerMessage(4005, LogLevel.Information, "Content of message {MessageId} not available yet (status {Status}, attempt {Attempt}); retrying in {Delay} through the queue.")]
    public static partial void RetryScheduled(ILogger logger, string messageId, int status, int attempt, TimeSpan delay);

    [LoggerMessage(4006, LogLevel.Warning, "Content of message {MessageId} failed (status {Status}, LINE request ID {RequestId}) after {Attempts} attempt(s): {Reason}. `linebot photos retry` tries again.")]
    public static partial void Failed(ILogger logger, string messageId, int status, string requestId, int attempts, string reason);

    [LoggerMessage(4007, LogLevel.Information, "Content of message {MessageId} is gone at LINE (request ID {RequestId}); recorded, nothing stored.")]
    public static partial void Gone(ILogger logger, string messageId, string requestId);

    [LoggerMessage(4008, LogLevel.Warning, "Content of message {MessageId} exceeds Photos:MaxBytes ({MaxBytes}); recorded as oversize, not stored.")]
    public static partial void Oversize(ILogger logger, string messageId, long maxBytes);

    [LoggerMessage(4009, LogLevel.Warning, "External content of message {MessageId} refused: {Reason}.")]
    public static partial void Refused(ILogger logger, string messageId, string reason);

    [LoggerMessage(4010, LogLevel.Debug, "Content retry for message {MessageId} skipped ({Status}).")]
    public static partial void RetrySkipped(ILogger logger, string messageId, string status);

    [LoggerMessage(4011, LogLevel.Information, "Image set {SetId} complete: {Count} of {Total} photos stored.")]
    public static partial void SetComplete(ILogger logger, string setId, int count, int total);

    [LoggerMessage(4012, LogLevel.Information, "Message {MessageId} ({Kind}) unsent: blob and record deleted.")]
    public static partial void Unsent(ILogger logger, string messageId, string kind);

    [LoggerMessage(4013, LogLevel.Information, "Media event {EventId} has no message ID or sender chat; skipped.")]
    public static partial void NoMessage(ILogger logger, string eventId);

    [LoggerMessage(4102, LogLevel.Information, "Location from {UserId} recorded (profile updated: {Profile}, report updated: {Report}).")]
    public static partial void LocationRecorded(ILogger logger, string userId, bool profile, bool report);

    [LoggerMessage(4103, LogLevel.Information, "Location event {EventId} without a sender user ID or coordinates; skipped.")]
    public static partial void LocationSkipped(ILogger logger, string eventId);
}
