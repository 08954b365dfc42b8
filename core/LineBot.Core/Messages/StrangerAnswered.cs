using LineBot.Calendar;
using LineBot.Configuration;
using LineBot.Events;
using LineBot.Reports.Parsing;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Messages;

/// <summary>
/// Someone the bot does not know, in a one-to-one chat. Nothing of theirs is served or kept, but a person who tried
/// to do something gets one polite answer (what the bot is, how to register, whom to ask): on <c>follow</c> (adding
/// the bot as a friend), once per event; on a command, registration, report or button, once a day per user, so
/// repeated tries cannot make the bot talk (or write) without end. Chatter, stickers and photos get nothing.
/// Only claims are stored (the event's ID, or the user's ID with the day), never what they wrote.
/// </summary>
internal sealed class StrangerAnswered(
    ReportParser parser,
    EventDeduplicator claims,
    MessageReplier replier,
    BotClock clock,
    IOptions<BotOptions> options,
    ILogger<StrangerAnswered> logger)
{
    public async Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        if (!context.CanAnswer)
        {
            return; // standby: another channel answers, and today's one answer stays unspent
        }

        string text;
        string claim;
        if (evt.Type == EventTypes.Follow)
        {
            text = GreetingText.Stranger(options.Value.Province);
            claim = evt.WebhookEventId is { Length: > 0 } id ? id : $"noid-{evt.Type}-{evt.Timestamp}";
        }
        else if (TriedSomething(evt) && context.UserId is { } userId)
        {
            text = GreetingText.StrangerTried(options.Value.Province);
            claim = $"stranger-{userId}-{clock.DateOf(evt.Timestamp):yyyy-MM-dd}";
        }
        else
        {
            return;
        }

        if (await claims.BeginAsync(claim, cancellationToken) != DedupeDecision.Process)
        {
            Log.StrangerAlreadyAnswered(logger, evt.WebhookEventId, evt.Type);
            return;
        }

        try
        {
            await replier.ReplyAsync(context, [new Line.TextMessage(text)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await claims.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        await claims.CompleteAsync(claim, evt.Type, cancellationToken);
        Log.Greeted(logger, evt.WebhookEventId, evt.Type, "stranger");
    }

    /// <summary>A command, registration, report or plan typed, or a button pressed: an attempt that deserves an answer.</summary>
    private bool TriedSomething(WebhookEvent evt)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        var said = evt.Type switch
        {
            EventTypes.Postback => evt.Postback?.Data,
            EventTypes.Message when evt.Message is { Type: MessageTypes.Text } message => message.Text,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(said))
        {
            return false;
        }

        var parsed = parser.Parse(said, at);
        return parsed.Kind != MessageKind.Other || parsed.AsksAboutReport;
    }
}
