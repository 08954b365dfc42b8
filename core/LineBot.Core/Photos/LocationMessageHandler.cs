using LineBot.Events;
using Microsoft.Extensions.Logging;

namespace LineBot.Photos;

/// <summary>Location messages: a site's coordinates.</summary>
internal sealed partial class LocationMessageHandler(ILogger<LocationMessageHandler> logger)
{
    public Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        LogReceived(logger, context.Event.WebhookEventId);
        return Task.CompletedTask;
    }

    [LoggerMessage(4101, LogLevel.Debug, "Location event {EventId} received.")]
    private static partial void LogReceived(ILogger logger, string eventId);
}
