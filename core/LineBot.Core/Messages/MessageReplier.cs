using LineBot.Events;
using LineBot.Line;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>
/// Answers a text message for free with its reply token, never falling back to a paid push. Nothing is said in
/// standby mode or without a token, and a failed answer is logged, not thrown.
/// </summary>
internal sealed class MessageReplier(ReplySender replies, AdminNotices notices, ILogger<MessageReplier> logger)
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

        var notice = messages.Count < LineLimits.MaxMessages ? await NoticeAsync(context, cancellationToken) : null;
        if (notice is not null)
        {
            messages = [.. messages, new TextMessage(notice.Text)];
        }

        try
        {
            var outcome = await replies.SendReplyAsync(token, chatId, messages, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp), allowPushFallback: false, cancellationToken);
            Log.Replied(logger, evt.WebhookEventId, outcome.Kind, outcome.Reason);
            if (notice is not null && outcome.Kind == ReplyOutcomeKind.Replied)
            {
                await MarkToldAsync(context.UserId!, notice, cancellationToken);
            }
        }
        catch (Exception ex) when (LineUnavailable.OrRefused(ex, cancellationToken))
        {
            // What was sent is stored; a failed answer (LINE refusing, or down: breaker open, timeouts) must not make
            // the event run (and store) again.
            Log.ReplyFailed(logger, evt.WebhookEventId, ex.GetType().Name, ex.Message);
        }
    }

    private async Task MarkToldAsync(string userId, AdminNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            await notices.ToldAsync(userId, notice, cancellationToken);
        }
        catch (Exception ex) when (AdminNotices.IsStorageFailure(ex))
        {
            // Told again next time: better twice than never.
            Log.NoticeFailed(logger, ex.GetType().Name);
        }
    }

    // What no push told an admin rides on the reply they get anyway; storage trouble here never costs the reply.
    private async Task<AdminNotice?> NoticeAsync(EventContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await notices.ForAsync(context.UserId, cancellationToken);
        }
        catch (Exception ex) when (AdminNotices.IsStorageFailure(ex))
        {
            Log.NoticeFailed(logger, ex.GetType().Name);
            return null;
        }
    }
}
