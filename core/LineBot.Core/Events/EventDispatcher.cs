using LineBot.Groups;
using LineBot.Photos;
using LineBot.Reports;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;

namespace LineBot.Events;

/// <summary>One switch from event type to the feature that handles it; anything else is logged and skipped.</summary>
internal sealed class EventDispatcher(
    TextMessageHandler text,
    MediaMessageHandler media,
    LocationMessageHandler locations,
    GroupEventHandler groups,
    ILogger<EventDispatcher> logger)
{
    public async Task DispatchAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        switch (evt.Type)
        {
            case EventTypes.Message when evt.Message is { } message:
                await DispatchMessageAsync(context, message, cancellationToken);
                break;
            case EventTypes.MessageEdited when evt.Message is { Type: "text" }:
                await text.HandleEditedAsync(context, cancellationToken);
                break;
            case EventTypes.Unsend when evt.Unsend is { } unsend:
                // LINE asks bots to delete their copy; either feature may own the message.
                await text.HandleUnsendAsync(context, unsend.MessageId, cancellationToken);
                await media.HandleUnsendAsync(context, unsend.MessageId, cancellationToken);
                break;
            case EventTypes.Join or EventTypes.Leave or EventTypes.MemberJoined or EventTypes.MemberLeft:
                await groups.HandleAsync(context, cancellationToken);
                break;
            default:
                Log.Skipped(logger, evt.Type, evt.WebhookEventId, evt.IsKnownType);
                break;
        }
    }

    private async Task DispatchMessageAsync(EventContext context, MessageContent message, CancellationToken cancellationToken)
    {
        switch (message.Type)
        {
            case "text":
                await text.HandleAsync(context, cancellationToken);
                break;
            case "image" or "video" or "audio" or "file":
                await media.HandleAsync(context, cancellationToken);
                break;
            case "location":
                await locations.HandleAsync(context, cancellationToken);
                break;
            default:
                Log.SkippedMessage(logger, message.Type, context.Event.WebhookEventId);
                break;
        }
    }
}
