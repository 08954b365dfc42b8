using LineBot.Events;
using Microsoft.Extensions.Logging;

namespace LineBot.Photos;

/// <summary>Image, video, audio and file messages, and their unsends.</summary>
internal sealed partial class MediaMessageHandler(ILogger<MediaMessageHandler> logger)
{
    public Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        LogReceived(logger, context.Event.WebhookEventId);
        return Task.CompletedTask;
    }

    public Task HandleUnsendAsync(EventContext context, string messageId, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(4001, LogLevel.Debug, "Media event {EventId} received.")]
    private static partial void LogReceived(ILogger logger, string eventId);
}
