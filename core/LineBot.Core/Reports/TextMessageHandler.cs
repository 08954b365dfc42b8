using LineBot.Events;
using Microsoft.Extensions.Logging;

namespace LineBot.Reports;

/// <summary>Text messages, their edits and unsends: reports, registrations and commands.</summary>
internal sealed partial class TextMessageHandler(ILogger<TextMessageHandler> logger)
{
    public Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        LogReceived(logger, context.Event.WebhookEventId);
        return Task.CompletedTask;
    }

    public Task HandleEditedAsync(EventContext context, CancellationToken cancellationToken)
    {
        LogReceived(logger, context.Event.WebhookEventId);
        return Task.CompletedTask;
    }

    public Task HandleUnsendAsync(EventContext context, string messageId, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(3001, LogLevel.Debug, "Text event {EventId} received.")]
    private static partial void LogReceived(ILogger logger, string eventId);
}
