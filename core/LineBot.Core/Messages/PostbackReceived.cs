using LineBot.Commands;
using LineBot.Events;
using LineBot.Line;
using LineBot.Reports.Parsing;
using LineBot.RichMenus;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>
/// A pressed button (digest card, quick reply): its data is a command's text, read by the same parser and run by
/// the same <see cref="CommandRouter"/> as a typed command, so the presser's role decides what they get. Answered
/// by free reply; data that is not a command is ignored.
/// </summary>
internal sealed class PostbackReceived(CommandRouter commands, ReportParser parser, MessageReplier replier, RichMenuLinker richMenus, ILogger<PostbackReceived> logger)
{
    public async Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        var parsed = evt.Postback?.Data is { } data ? parser.Parse(data, at) : ParsedMessage.Other;
        if (parsed.Kind != MessageKind.Command || parsed.Command is not { Length: > 0 } command)
        {
            Log.PostbackSkipped(logger, evt.WebhookEventId);
            return;
        }

        Log.Postback(logger, evt.WebhookEventId, command);
        var request = new CommandRequest(command, parsed.Args, context.UserId, context.ChatId ?? "", evt.Source?.IsGroup == true, [], at);
        var answer = await commands.HandleAsync(request, cancellationToken);
        if (answer.Count > 0)
        {
            await replier.ReplyAsync(context, [.. answer.Take(LineLimits.MaxMessages).Select(m => BotMessages.ToLine(m))], cancellationToken);
        }

        await richMenus.LinkEachAsync(request.RolesStored, cancellationToken);
    }
}
