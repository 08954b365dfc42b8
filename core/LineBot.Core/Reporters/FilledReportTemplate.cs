using LineBot.Calendar;
using LineBot.Reports;

namespace LineBot.Reporters;

/// <summary>
/// The daily report template with the sender's own details in place of the example's: today's date, their name
/// and their registered site, so that copying it leaves only the work of the day to write.
/// </summary>
internal static class FilledReportTemplate
{
    private const string ExampleDate = "วันที่: 25 พ.ย. 2569";
    private const string ExampleName = "ชื่อ: นายสมชาย ใจดี";
    private const string ExampleSite = "พื้นที่: HLM ต.บางพระ อ.เมือง";

    public static string For(Reporter sender, DateOnly today)
    {
        var text = ReportReplies.Template
            .Replace(ExampleDate, "วันที่: " + ThaiDates.Short(today), StringComparison.Ordinal)
            .Replace(ExampleName, "ชื่อ: " + sender.Name, StringComparison.Ordinal);
        return sender.Site.Label() is { Length: > 0 } site
            ? text.Replace(ExampleSite, "พื้นที่: " + site, StringComparison.Ordinal)
            : text;
    }
}
