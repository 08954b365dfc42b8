using LineBot.Calendar;
using LineBot.Configuration;
using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>
/// Classifies a group text message and reads it: daily report, monthly plan, registration, command or other
/// (chatter, greetings, questions). One pass over the lines, span-based; never throws. Thread-safe and
/// stateless apart from the gazetteer, so one instance serves the whole app.
/// </summary>
internal sealed partial class ReportParser(Gazetteer gazetteer, TimeZoneInfo zone)
{
    public ReportParser(Gazetteer gazetteer)
        : this(gazetteer, TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok"))
    {
    }

    public Gazetteer Gazetteer => gazetteer;

    public TimeZoneInfo Zone => zone;

    /// <summary>The parser for the configured province (and <c>Bot:GazetteerPath</c>, if set) and time zone.</summary>
    public static ReportParser Create(BotOptions options) =>
        new(GazetteerLoader.Load(options.Province, options.GazetteerPath), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));

    /// <summary>Reads one message; <paramref name="now"/> is when it was sent (any offset; dates are taken in the bot's zone).</summary>
    public ParsedMessage Parse(string? text, DateTimeOffset now) => Parse(text, now, fromReporter: false);

    /// <summary>
    /// Reads one message. <paramref name="fromReporter"/>: the sender is a registered reporter, so a date and a list
    /// alone make a report attempt (from anyone else they stay chatter).
    /// </summary>
    public ParsedMessage Parse(string? text, DateTimeOffset now, bool fromReporter)
    {
        try
        {
            return ParseCore(text, now, fromReporter, trace: null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug here must not lose a report or crash the worker: keep it as "other" with the reason.
            return new ParsedMessage { Errors = [$"อ่านข้อความไม่สำเร็จ ({exception.GetType().Name})"] };
        }
    }

    /// <summary>Reads one message and notes, line by line, what each line was taken as and why (for admins).</summary>
    public (ParsedMessage Message, IReadOnlyList<LineNote> Lines) Explain(string? text, DateTimeOffset now, bool fromReporter = false)
    {
        var trace = new List<LineNote>();
        return (ParseCore(text, now, fromReporter, trace), trace);
    }

    private ParsedMessage ParseCore(string? text, DateTimeOffset now, bool fromReporter, List<LineNote>? trace)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedMessage.Other;
        }

        var clean = Clean(text);
        var trimmed = SkipLeadingSpace(clean);
        if (trimmed.Length > 1 && trimmed[0] == '/' && !IsSpace(trimmed[1]) && trimmed[1] is not ('/' or '\n'))
        {
            return CommandReader.Read(trimmed, gazetteer);
        }

        var reading = new ReportReading { Trace = trace };
        reading.ReadLines(clean);
        if (reading.Header == Header.Plan)
        {
            return MonthlyPlan(reading, now);
        }

        var why = ReportAttempt.Decide(reading, fromReporter);
        trace?.Add(new LineNote(0, "", why is null ? "ไม่ใช่รายงาน (ไม่ตอบ)" : "รายงานประจำวัน (ตอบทุกครั้ง)", why ?? ReportAttempt.WhyChatter(reading)));
        if (why is not null)
        {
            return DailyReport(reading, now);
        }

        return ChatterSigns.AsksAboutReport(clean) ? new ParsedMessage { AsksAboutReport = true } : ParsedMessage.Other;
    }

    private ParsedMessage DailyReport(ReportReading r, DateTimeOffset now)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var date = ReportDateCheck.Read(r.Date, Today(now), errors, warnings);
        var site = SiteNormaliser.Normalise(r.Site, gazetteer, warnings, r.SiteCandidates);
        var missing = MissingFields(r, site, errors, warnings);
        return new ParsedMessage
        {
            Kind = MessageKind.DailyReport,
            Date = date,
            Reporter = r.Reporter,
            Site = site,
            Activities = r.Activities,
            Problems = r.Problems,
            Plans = r.Plans,
            CertifiedBy = r.CertifiedBy,
            Errors = errors,
            Warnings = warnings,
            Missing = missing,
        };
    }

    /// <summary>Says each missing field once: activities are an error, the rest warnings.</summary>
    private static ReportField MissingFields(ReportReading r, Site site, List<string> errors, List<string> warnings)
    {
        var missing = r.Date.Status == DateStatus.NotFound ? ReportField.Date : ReportField.None;
        if (r.Activities.Count == 0)
        {
            missing |= ReportField.Activities;
            errors.Add(MissingFieldText.Activities);
        }

        if (r.Reporter is null)
        {
            missing |= ReportField.Reporter;
            warnings.Add(MissingFieldText.Reporter);
        }

        var noPlace = site.District is null && site.Subdistrict is null;
        if (site.Type is null || noPlace)
        {
            missing |= ReportField.Site;
            warnings.Add(site.Type is null && noPlace ? MissingFieldText.Site : noPlace ? MissingFieldText.Place : MissingFieldText.SiteType);
        }

        if (r.CertifiedBy is null)
        {
            missing |= ReportField.Certifier;
            warnings.Add(MissingFieldText.Certifier);
        }

        if (r.BlankValues > 0)
        {
            warnings.Add("ข้อความยังมีช่องว่างจากแบบฟอร์ม (……) กรุณากรอกให้ครบแล้วส่งใหม่ครับ");
        }

        return missing;
    }

    private ParsedMessage MonthlyPlan(ReportReading r, DateTimeOffset now)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var month = PlanMonth(r.Month, Today(now), errors, warnings);
        var site = SiteNormaliser.Normalise(r.Site, gazetteer, warnings);
        IReadOnlyList<string> items = r.Plans.Count > 0 && r.Activities.Count > 0 ? [.. r.Activities, .. r.Plans] : r.Plans.Count > 0 ? r.Plans : r.Activities;
        if (items.Count == 0)
        {
            errors.Add("ไม่พบรายการแผนงาน (พิมพ์หนึ่งรายการต่อบรรทัด)");
        }

        if (r.Reporter is null)
        {
            warnings.Add(MissingFieldText.Reporter);
        }

        return new ParsedMessage
        {
            Kind = MessageKind.MonthlyPlan,
            Month = month,
            Reporter = r.Reporter,
            Site = site,
            Plans = items,
            Problems = r.Problems,
            CertifiedBy = r.CertifiedBy,
            Errors = errors,
            Warnings = warnings,
        };
    }

    private static DateOnly? PlanMonth(WrittenDate written, DateOnly today, List<string> errors, List<string> warnings)
    {
        switch (written.Status)
        {
            case DateStatus.Found when written.Month is >= 1 and <= 12:
                // No year: the month nearest to now (a plan is posted near the start or end of its month).
                var year = written.Year ?? NearestYear(written.Month, today);
                if (year is >= 1900 and <= 2300)
                {
                    return new DateOnly(year, written.Month, 1);
                }

                errors.Add("ปีของแผนงานไม่ถูกต้อง");
                return null;
            case DateStatus.Found or DateStatus.Impossible:
                errors.Add("เดือนของแผนงานไม่ถูกต้อง");
                return null;
            default:
                warnings.Add($"ไม่พบเดือนของแผนงาน จึงใช้เดือนที่ส่งข้อความ ({ThaiDates.MonthYear(today.Year, today.Month)})");
                return new DateOnly(today.Year, today.Month, 1);
        }
    }

    private DateOnly Today(DateTimeOffset now) => BotClock.DateIn(now, zone);

    private static int NearestYear(int month, DateOnly today)
    {
        var best = today.Year;
        var bestDistance = int.MaxValue;
        for (var y = today.Year - 1; y <= today.Year + 1; y++)
        {
            var distance = Math.Abs(((y * 12) + month) - ((today.Year * 12) + today.Month));
            if (distance < bestDistance)
            {
                best = y;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static ReadOnlySpan<char> SkipLeadingSpace(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && (IsSpace(span[i]) || span[i] == '\n'))
        {
            i++;
        }

        return span[i..];
    }
}
