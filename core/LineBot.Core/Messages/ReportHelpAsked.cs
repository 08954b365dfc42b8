using LineBot.Events;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Reports.Parsing;

namespace LineBot.Messages;

/// <summary>
/// Someone asks about a report they tried to send ("ส่งรายงานครับ บอทไม่ตอบ"): nothing to store, but a person who
/// tried something gets an answer — how to send it, and the template filled with what the bot knows of them.
/// </summary>
internal sealed class ReportHelpAsked(ReporterStore reporters, ReportTemplates templates, MessageReplier replier)
{
    public async Task HandleAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var sender = context.UserId is { } userId ? await reporters.FindByUserIdAsync(userId, cancellationToken) : null;
        var template = templates.For(sender, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp));
        await replier.ReplyAsync(
            context,
            [new TextMessage(ReportReplies.HelpAsked, evt.Message!.QuoteToken), new TextMessage(template)],
            cancellationToken);
    }
}
