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
    public ParsedMessage Parse(string? text, DateTimeOffset now)
    {
        try
        {
            return ParseCore(text, now);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug here must not lose a report or crash the worker: keep it as "other" with the reason.
            return new ParsedMessage { Errors = [$"อ่านข้อความไม่สำเร็จ ({exception.GetType().Name})"] };
        }
    }

    private ParsedMessage ParseCore(string? text, DateTimeOffset now)
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

        var reading = new ReportReading();
        reading.ReadLines(clean);
        return reading.Header switch
        {
            Header.Plan => MonthlyPlan(reading, now),
            Header.Report when reading.LinesAfterHeader > 0 || reading.DateFromHeader => DailyReport(reading, now),
            Header.None when reading.FieldLabelCount >= 2 && reading.HasDateOrActivitiesLabel => DailyReport(reading, now),
            _ => ParsedMessage.Other,
        };
    }

    private ParsedMessage DailyReport(ReportReading r, DateTimeOffset now)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var today = Today(now);
        DateOnly? date = null;
        switch (r.Date.Status)
        {
            case DateStatus.Found:
                date = Resolve(r.Date, today);
                if (date is null)
                {
                    errors.Add("วันที่ไม่ถูกต้อง: ไม่มีวันที่นี้ในปฏิทิน");
                }
                else if (date > today.AddDays(1))
                {
                    errors.Add($"วันที่ {ThaiDates.Short(date.Value)} ยังมาไม่ถึง (ส่งเมื่อ {ThaiDates.Short(today)}) กรุณาตรวจสอบวันที่");
                    date = null;
                }

                break;
            case DateStatus.Impossible:
                errors.Add($"วันที่ไม่ถูกต้อง: ไม่มีวันที่ {r.Date.Day}/{r.Date.Month}{(r.Date.Year is { } y ? "/" + ThaiDates.ToBuddhistYear(y) : "")} ในปฏิทิน");
                break;
            default:
                date = today;
                warnings.Add($"ไม่พบวันที่ในรายงาน จึงใช้วันที่ส่งข้อความ ({ThaiDates.Short(today)})");
                break;
        }

        var site = SiteNormaliser.Normalise(r.Site, gazetteer, warnings);
        if (r.Activities.Count == 0)
        {
            errors.Add("ไม่พบกิจกรรม/งานที่ทำ (พิมพ์ \"กิจกรรม:\" แล้วตามด้วยงานที่ทำ บรรทัดละหนึ่งข้อ)");
        }

        if (r.Reporter is null)
        {
            warnings.Add("ไม่พบชื่อผู้รายงาน (ชื่อ: นาย/นาง/นางสาว …)");
        }

        if (site.Type is null)
        {
            warnings.Add("ไม่ระบุประเภทพื้นที่ (CLM หรือ HLM)");
        }

        if (site.District is null && site.Subdistrict is null)
        {
            warnings.Add("ไม่ระบุพื้นที่ (ต.… อ.…)");
        }

        if (r.CertifiedBy is null)
        {
            warnings.Add("ยังไม่มีผู้รับรอง (เจ้าของแปลง/เจ้าของพื้นที่)");
        }

        return new ParsedMessage
        {
            Kind = MessageKind.DailyReport,
            Date = date,
            Reporter = r.Reporter,
            SiteType = site.Type,
            Province = site.Province,
            District = site.District,
            Subdistrict = site.Subdistrict,
            Activities = r.Activities,
            Problems = r.Problems,
            Plans = r.Plans,
            CertifiedBy = r.CertifiedBy,
            Errors = errors,
            Warnings = warnings,
        };
    }

    private ParsedMessage MonthlyPlan(ReportReading r, DateTimeOffset now)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var today = Today(now);
        DateOnly? month = null;
        switch (r.Month.Status)
        {
            case DateStatus.Found when r.Month.Month is >= 1 and <= 12:
                // No year: the month nearest to now (a plan is posted near the start or end of its month).
                var year = r.Month.Year ?? NearestYear(r.Month.Month, today);
                month = year is >= 1900 and <= 2300 ? new DateOnly(year, r.Month.Month, 1) : null;
                if (month is null)
                {
                    errors.Add("ปีของแผนงานไม่ถูกต้อง");
                }

                break;
            case DateStatus.Found or DateStatus.Impossible:
                errors.Add("เดือนของแผนงานไม่ถูกต้อง");
                break;
            default:
                month = new DateOnly(today.Year, today.Month, 1);
                warnings.Add($"ไม่พบเดือนของแผนงาน จึงใช้เดือนที่ส่งข้อความ ({ThaiDates.MonthYear(today.Year, today.Month)})");
                break;
        }

        var site = SiteNormaliser.Normalise(r.Site, gazetteer, warnings);
        var items = r.Plans.Count > 0 ? r.Plans : r.Activities;
        if (r.Plans.Count > 0 && r.Activities.Count > 0)
        {
            items = [.. r.Activities, .. r.Plans];
        }

        if (items.Count == 0)
        {
            errors.Add("ไม่พบรายการแผนงาน (พิมพ์หนึ่งรายการต่อบรรทัด)");
        }

        if (r.Reporter is null)
        {
            warnings.Add("ไม่พบชื่อผู้รายงาน (ชื่อ: นาย/นาง/นางสาว …)");
        }

        return new ParsedMessage
        {
            Kind = MessageKind.MonthlyPlan,
            Month = month,
            Reporter = r.Reporter,
            SiteType = site.Type,
            Province = site.Province,
            District = site.District,
            Subdistrict = site.Subdistrict,
            Plans = items,
            Problems = r.Problems,
            CertifiedBy = r.CertifiedBy,
            Errors = errors,
            Warnings = warnings,
        };
    }

    private DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>A written date in CE; without a year, the latest date not after tomorrow (nearest before now).</summary>
    private static DateOnly? Resolve(WrittenDate written, DateOnly today)
    {
        if (written.Year is { } year)
        {
            return written.Day <= DateTime.DaysInMonth(year, written.Month) ? new DateOnly(year, written.Month, written.Day) : null;
        }

        var limit = today.AddDays(1);
        for (var y = today.Year + 1; y >= today.Year - 4; y--)
        {
            if (written.Day <= DateTime.DaysInMonth(y, written.Month))
            {
                var candidate = new DateOnly(y, written.Month, written.Day);
                if (candidate <= limit)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

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
