using LineBot.Commands;
using LineBot.Configuration;
using LineBot.Events;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.RichMenus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Messages;

/// <summary>
/// Greetings by free reply: on <c>join</c> (what the bot does and how to register and report) and on <c>follow</c>
/// (what this person can do, by role; strangers are answered by <see cref="StrangerAnswered"/> instead). Said once:
/// the worker claims each event, so a redelivery reaches no handler, and a reply token works once.
/// </summary>
internal sealed class Greetings(CommandRouter commands, MessageReplier replier, RichMenuLinker richMenus, IOptions<BotOptions> options, ILogger<Greetings> logger)
{
    private static readonly QuickReply JoinSteps = QuickReplies.Of(
        QuickReplies.Command("แบบรายงาน", "/ช่วยเหลือ รายงาน"),
        QuickReplies.Command("คำสั่งทั้งหมด", "/ช่วยเหลือ"));

    public async Task JoinAsync(EventContext context, CancellationToken cancellationToken)
    {
        var message = new TextMessage(GreetingText.Join(options.Value.Province)) { QuickReply = JoinSteps };
        await replier.ReplyAsync(context, [message], cancellationToken);
        Log.Greeted(logger, context.Event.WebhookEventId, context.Event.Type, "group");
    }

    public async Task FollowAsync(EventContext context, CancellationToken cancellationToken)
    {
        var (role, sender) = await commands.ResolveAsync(context.UserId, cancellationToken);
        var text = GreetingText.Follow(role, sender, options.Value.Province);
        var known = sender is not null || role != ReporterRole.Reporter;
        LineMessage message = known ? new TextMessage(text) { QuickReply = CommandNextSteps.For(role) } : new TextMessage(text);
        await replier.ReplyAsync(context, [message], cancellationToken);
        Log.Greeted(logger, context.Event.WebhookEventId, context.Event.Type, known ? role.ToString() : "stranger");
        if (known && context.UserId is { } userId)
        {
            await richMenus.LinkAsync(userId, role, cancellationToken);
        }
    }
}
