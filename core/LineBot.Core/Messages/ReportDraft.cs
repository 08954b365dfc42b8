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
        // What the profile supplies is not missing: the reply must not name the reporter and say "no name" beside it.
        var filled = FilledFromProfile(parsed, reporter);
        var errors = Without(parsed.Errors, filled);
        var date = parsed.Date;
        if (reporter is null)
        {
            // Nobody to attribute it to: kept undated (admins list those) rather than under a made-up person's day.
            errors = [ReportReplies.NoReporterError, .. Without(errors, ReportField.Reporter)];
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
            Warnings = Without(parsed.Warnings, filled),
            ClaimedName = attribution.ClaimedName,
        };
    }

    private static ReportField FilledFromProfile(ParsedMessage parsed, Reporter? reporter)
    {
        if (reporter is null)
        {
            return ReportField.None;
        }

        var filled = parsed.Reporter is { Length: > 0 } ? ReportField.None : ReportField.Reporter;
        var site = parsed.Site.Or(reporter.Site);
        return site.Type is not null && (site.District is not null || site.Subdistrict is not null) ? filled | ReportField.Site : filled;
    }

    private static IReadOnlyList<string> Without(IReadOnlyList<string> notes, ReportField filled) =>
        filled == ReportField.None
            ? notes
            : [.. notes.Where(n => !(filled.HasFlag(ReportField.Reporter) && MissingFieldText.Belongs(n, ReportField.Reporter))
                                  && !(filled.HasFlag(ReportField.Site) && MissingFieldText.Belongs(n, ReportField.Site)))];
}
