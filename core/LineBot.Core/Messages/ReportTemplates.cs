using LineBot.Calendar;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Reports.Parsing;

namespace LineBot.Messages;

/// <summary>The report template a reply offers, filled with what the bot knows of the sender: name, site, today (Bangkok).</summary>
internal sealed class ReportTemplates(BotClock clock)
{
    public string For(Reporter? sender, DateTimeOffset sentAt, ParsedMessage? understood = null) =>
        ReportTemplate.Render(sender?.Name, sender?.Site.Label() is { Length: > 0 } site ? site : null, clock.DateOf(sentAt), understood);
}
