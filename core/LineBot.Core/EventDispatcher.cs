using LineBot.Events;
using LineBot.Groups;
using LineBot.Messages;
using LineBot.Photos;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;

namespace LineBot;

/// <summary>
/// One switch from event type to the feature that handles it; anything else is logged and skipped. It sits at the
/// composition root, beside <c>AddLineBot</c>, because it names every feature: the pipeline in <c>Events/</c> knows
/// only <see cref="IEventDispatcher"/>, so no feature and the pipeline depend on each other both ways.
/// </summary>
internal sealed partial class EventDispatcher(
    TextMessageDispatcher text,
    ReportEdited edits,
    ReportUnsent reportUnsends,
    MediaMessageHandler media,
    LocationMessageHandler locations,
    GroupEventHandler groups,
    RosterFileReceived rosterFiles,
    PostbackReceived postbacks,
    Greetings greetings,
    StrangerAnswered strangers,
    LocationAcknowledged locationAcknowledgements,
    ILogger<EventDispatcher> logger) : IEventDispatcher
{
    public async Task DispatchAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        switch (evt.Type)
        {
            case EventTypes.Message when evt.Message is { } message:
                await DispatchMessageAsync(context, message, cancellationToken);
                break;
            case EventTypes.MessageEdited when evt.Message is { Type: MessageTypes.Text }:
                await edits.HandleAsync(context, cancellationToken);
                break;
            case EventTypes.Unsend when evt.Unsend is { } unsend:
                // LINE asks bots to delete their copy; either feature may own the message.
                await reportUnsends.HandleAsync(context, unsend.MessageId, cancellationToken);
                await media.HandleUnsendAsync(context, unsend.MessageId, cancellationToken);
                break;
            case EventTypes.Join:
                await groups.HandleAsync(context, cancellationToken);
                await greetings.JoinAsync(context, cancellationToken);
                break;
            case EventTypes.Follow:
                await greetings.FollowAsync(context, cancellationToken);
                break;
            case EventTypes.Postback:
                await postbacks.HandleAsync(context, cancellationToken);
                break;
            case EventTypes.Leave or EventTypes.MemberJoined or EventTypes.MemberLeft:
                await groups.HandleAsync(context, cancellationToken);
                break;
            default:
                LogSkipped(logger, evt.Type, evt.WebhookEventId, evt.IsKnownType);
                break;
        }
    }

    public Task AnswerStrangerAsync(EventContext context, CancellationToken cancellationToken) =>
        strangers.HandleAsync(context, cancellationToken);

    public Task<bool> IsInertAsync(EventContext context, CancellationToken cancellationToken) =>
        context.Event is { Type: EventTypes.Message, Message.Type: MessageTypes.Text }
            ? text.IsChatterAsync(context, cancellationToken)
            : Task.FromResult(false);

    private async Task DispatchMessageAsync(EventContext context, MessageContent message, CancellationToken cancellationToken)
    {
        switch (message.Type)
        {
            case MessageTypes.Text:
                await text.HandleAsync(context, cancellationToken);
                break;
            case MessageTypes.File when await rosterFiles.HandleAsync(context, cancellationToken):
                // An admin's roster file in a 1:1 chat: imported and answered.
                break;
            case MessageTypes.Image or MessageTypes.Video or MessageTypes.Audio or MessageTypes.File:
                await media.HandleAsync(context, cancellationToken);
                break;
            case MessageTypes.Location:
                if (await locations.HandleAsync(context, cancellationToken) is { } recorded)
                {
                    await locationAcknowledgements.ReplyAsync(context, recorded, cancellationToken);
                }

                break;
            default:
                LogSkippedMessage(logger, message.Type, context.Event.WebhookEventId);
                break;
        }
    }

    [LoggerMessage(2001, LogLevel.Information, "Event {EventId} of type {Type} skipped (known to LINE's schema: {Known}).")]
    private static partial void LogSkipped(ILogger logger, string type, string eventId, bool known);

    [LoggerMessage(2002, LogLevel.Information, "Message event {EventId} with message type {Type} skipped.")]
    private static partial void LogSkippedMessage(ILogger logger, string type, string eventId);
}
