using LineBot.Commands;
using LineBot.Events;
using LineBot.Line;
using LineBot.Reports.Parsing;
using LineBot.RichMenus;
using LineBot.Webhook;

namespace LineBot.Messages;

/// <summary>A slash command: handed to <see cref="CommandRouter"/> with who sent it and whom it mentions; its answer is the reply.</summary>
internal sealed class CommandReceived(CommandRouter commands, MessageReplier replier, RichMenuLinker richMenus)
{
    public async Task HandleAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var message = evt.Message!;
        var request = new CommandRequest(
            parsed.Command ?? "",
            parsed.Args,
            context.UserId,
            context.ChatId ?? "",
            evt.Source?.IsGroup == true,
            MentionedUsers(message),
            DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp))
        {
            Text = message.Text,
        };
        var answer = await commands.HandleAsync(request, cancellationToken);
        if (answer.Count > 0)
        {
            var messages = answer.Take(LineLimits.MaxMessages).Select((m, i) => BotMessages.ToLine(m, i == 0 ? message.QuoteToken : null)).ToList();
            await replier.ReplyAsync(context, messages, cancellationToken);
        }

        await richMenus.LinkEachAsync(request.RolesStored, cancellationToken);
    }

    /// <summary>The users the message mentions (not the bot itself), with the text that named them.</summary>
    private static List<Commands.Mention> MentionedUsers(MessageContent message)
    {
        var text = message.Text ?? "";
        var mentions = new List<Commands.Mention>();
        foreach (var mentionee in message.Mention?.Mentionees ?? [])
        {
            if (mentionee is { Type: MentioneeTypes.User, UserId: { } id } && mentionee.IsSelf != true)
            {
                var shown = mentionee.Index >= 0 && mentionee.Index + mentionee.Length <= text.Length ? text.Substring(mentionee.Index, mentionee.Length) : null;
                mentions.Add(new Commands.Mention(id, shown));
            }
        }

        return mentions;
    }
}
