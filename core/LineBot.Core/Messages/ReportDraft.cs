using LineBot.Calendar;
using LineBot.Events;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Reports.Parsing;

namespace LineBot.Messages;

/// <summary>
/// The report a text message makes: what was parsed, filed under its reporter, the site completed from the profile;
/// a disputed one keeps the name written (<see cref="DailyReport.ClaimedName"/>) and is filed under its sender.
/// </summary>
internal static class ReportDraft
{
    public static DailyReport Build(EventContext context, ParsedMessage parsed, Attribution attribution, DateTimeOffset sentAt)
    {
        var reporter = attribution.Reporter;
        var errors = parsed.Errors;
        var date = parsed.Date;
        if (reporter is null)
        {
            // Nobody to attribute it to: kept undated (admins list those) rather than under a made-up person's day.
            errors = [ReportReplies.NoReporterError, .. errors];
            if (date is { } understood)
            {
                errors = [.. errors, $"วันที่ในรายงาน: {ThaiDates.Short(understood)}"];
            }

            date = null;
        }

        return new DailyReport
        {
            GroupId = context.GroupId ?? "direct",
            ReporterId = reporter?.Id ?? DailyReport.Unattributed,
            ReporterName = reporter?.Name ?? parsed.Reporter ?? "",
            Date = date,
            Site = parsed.Site.Or(reporter?.Site ?? default),
            Activities = parsed.Activities,
            Problems = parsed.Problems,
            Plans = parsed.Plans,
            CertifiedBy = parsed.CertifiedBy,
            MessageId = context.Event.Message!.Id,
            ReceivedAt = sentAt,
            Errors = errors,
            Warnings = parsed.Warnings,
            ClaimedName = attribution.ClaimedName,
        };
    }
}
