using LineBot.Events;
using LineBot.Line;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>
/// Answers a text message for free with its reply token, never falling back to a paid push. Nothing is said in
/// standby mode or without a token, and a failed answer is logged, not thrown.
/// </summary>
internal sealed class MessageReplier(ReplySender replies, ILogger<MessageReplier> logger)
{
    /// <summary>One text that quotes the message being answered.</summary>
    public Task QuoteAsync(EventContext context, string text, CancellationToken cancellationToken) =>
        ReplyAsync(context, [new TextMessage(text, context.Event.Message?.QuoteToken)], cancellationToken);

    public async Task ReplyAsync(EventContext context, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        if (!context.CanAnswer || evt.ReplyToken is not { Length: > 0 } token || context.ChatId is not { } chatId)
        {
            Log.NoReply(logger, evt.WebhookEventId, context.CanAnswer ? "no reply token" : "standby");
            return;
        }

        try
        {
            var outcome = await replies.SendReplyAsync(token, chatId, messages, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp), allowPushFallback: false, cancellationToken);
            Log.Replied(logger, evt.WebhookEventId, outcome.Kind, outcome.Reason);
        }
        catch (Exception ex) when (LineUnavailable.OrRefused(ex, cancellationToken))
        {
            // What was sent is stored; a failed answer (LINE refusing, or down: breaker open, timeouts) must not make
            // the event run (and store) again.
            Log.ReplyFailed(logger, evt.WebhookEventId, ex.GetType().Name, ex.Message);
        }
    }
}
