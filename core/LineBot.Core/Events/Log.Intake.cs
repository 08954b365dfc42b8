using Microsoft.Extensions.Logging;

namespace LineBot.Events;

// What the worker drops, keeps aside or leaves before any handler runs (issue 12: nothing lost, misfiled or spoofed).
internal static partial class Log
{
    [LoggerMessage(2015, LogLevel.Warning, "Event {EventId} ({Type}) names no chat (source: {SourceType}); dropped.")]
    public static partial void NoChat(ILogger logger, string eventId, string type, string sourceType);

    [LoggerMessage(2016, LogLevel.Information, "Left room {RoomId}: it is not in Bot:GroupIds.")]
    public static partial void LeftRoom(ILogger logger, string roomId);

    [LoggerMessage(2017, LogLevel.Information, "Event {EventId} kept under unknown/ ({Reason}).")]
    public static partial void KeptUnknown(ILogger logger, string eventId, string reason);

    [LoggerMessage(2018, LogLevel.Debug, "Batch of {Count} event(s) from one large webhook body queued one by one.")]
    public static partial void FannedOut(ILogger logger, int count);
}
