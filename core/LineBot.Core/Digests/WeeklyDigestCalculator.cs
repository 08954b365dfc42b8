using System.Globalization;
using LineBot.Calendar;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Digests;

/// <summary>Everything a digest is computed from, already loaded by the caller.</summary>
internal sealed record DigestInput(
    IReadOnlyList<Reporter> Reporters,
    IReadOnlyList<DailyReport> Reports,
    IReadOnlySet<DateOnly> Holidays,
    IReadOnlyList<LeaveEntry> Leave,
    ReportWeek Week,
    DateTimeOffset AsOf,
    TimeZoneInfo Zone)
{
    /// <summary>The week's media records (one partition read), attached to a report or not: photos are evidence either way.</summary>
    public IReadOnlyList<PhotoRecord> Photos { get; init; } = [];
}

/// <summary>
/// Pure weekly numbers per district. Counting rules:
/// - the period is Monday to the earlier of Sunday and the as-of date (Bangkok): a Friday reminder counts up to
///   and including Friday, a digest for a past week the whole week;
/// - expected = working days (Mon–Fri minus holidays) in the period, minus the reporter's leave, for each field
///   worker; received = distinct (reporter, date) pairs with a report dated in the period and received by the
///   as-of instant; a report on a weekend, holiday or leave day counts as received but not expected;
/// - districts come from the roster (<see cref="Reporter.District"/>); a report from someone not in the roster
///   counts in the district it names if that district is known, else in <see cref="UnknownDistrict"/>;
/// - photos: per reporter-day, the stored evidence records of the period (attached or not, one per message) or the
///   reports' own counts, whichever is larger (reports imported without records keep their count); photos on a
///   day without a report still count, in the sender's district, as <see cref="DistrictDigest.PhotosWithoutReport"/>.
/// </summary>
internal static class WeeklyDigestCalculator
{
    public const string UnknownDistrict = "ไม่ระบุอำเภอ";
    public const string ProvinceName = "รวมทั้งจังหวัด";

    /// <summary>Thai dictionary order (leading vowels like เ do not count first), as people expect lists of names.</summary>
    public static StringComparer ThaiOrder { get; } = StringComparer.Create(ThaiDates.Culture, CompareOptions.None);

    public static WeeklyDigest Calculate(DigestInput input)
    {
        var week = input.Week;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(input.AsOf, input.Zone).DateTime);
        var through = today < week.Sunday ? today : week.Sunday;
        var roster = Roster(input.Reporters);
        var knownDistricts = new HashSet<string>(roster.Values.Select(r => DistrictOf(r.District)), StringComparer.Ordinal);
        var days = ReportedDays(input, week.Monday, through);
        var photoDays = PhotoDays(input, roster, week.Monday, through);
        foreach (var day in days.Values)
        {
            day.AddPhotoRecords(photoDays.GetValueOrDefault((day.ReporterId, day.Date)));
        }

        var builders = new Dictionary<string, DistrictBuilder>(StringComparer.Ordinal);
        DistrictBuilder Builder(string district) => builders.TryGetValue(district, out var b) ? b : builders[district] = new DistrictBuilder(district);
        foreach (var district in knownDistricts)
        {
            Builder(district);
        }

        var workingDays = WorkCalendar.WorkingDays(week.Monday, through, input.Holidays);
        var leaveByReporter = LeaveByReporter(input.Leave, week.Monday, through);
        var daysByReporter = days.Values.ToLookup(d => d.ReporterId, StringComparer.Ordinal);
        foreach (var reporter in roster.Values)
        {
            AddReporter(Builder(DistrictOf(reporter.District)), reporter, workingDays, leaveByReporter.GetValueOrDefault(reporter.Id), daysByReporter[reporter.Id]);
        }

        // Photos of reporter-days that have no report (yet): still evidence of the day's work.
        foreach (var ((reporterId, _), count) in photoDays.Where(p => !days.ContainsKey(p.Key)))
        {
            var district = roster.TryGetValue(reporterId, out var reporter) ? DistrictOf(reporter.District) : UnknownDistrict;
            Builder(district).AddPhotosWithoutReport(count);
        }

        // Reports from people not in the roster.
        foreach (var day in days.Values.Where(d => !roster.ContainsKey(d.ReporterId)))
        {
            var named = DistrictOf(day.District);
            var b = Builder(knownDistricts.Contains(named) ? named : UnknownDistrict);
            b.AddDay(day, day.ReporterName);
            b.UnregisteredReports++;
        }

        var districts = builders.Values
            .Select(b => b.Build())
            .OrderBy(d => d.District == UnknownDistrict ? 1 : 0)
            .ThenBy(d => d.District, ThaiOrder)
            .ToList();
        return new WeeklyDigest(week, through, Total(districts), districts);
    }

    /// <summary>The field workers, by id (the first entry of an id wins).</summary>
    private static Dictionary<string, Reporter> Roster(IReadOnlyList<Reporter> reporters)
    {
        var roster = new Dictionary<string, Reporter>(StringComparer.Ordinal);
        foreach (var r in reporters.Where(r => r.ExpectedToReport))
        {
            roster.TryAdd(r.Id, r);
        }

        return roster;
    }

    private static Dictionary<string, List<LeaveEntry>> LeaveByReporter(IReadOnlyList<LeaveEntry> leave, DateOnly monday, DateOnly through) =>
        leave.Where(l => l.From <= through && l.To >= monday)
            .GroupBy(l => l.ReporterId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>(reporter, date) → the day's reports; only dated, in the period, and already received at the as-of instant.</summary>
    private static Dictionary<(string ReporterId, DateOnly Date), DayAggregate> ReportedDays(DigestInput input, DateOnly monday, DateOnly through)
    {
        var days = new Dictionary<(string ReporterId, DateOnly Date), DayAggregate>();
        foreach (var report in input.Reports)
        {
            if (report.Date is not { } date || date < monday || date > through || report.ReceivedAt > input.AsOf)
            {
                continue;
            }

            var key = (report.ReporterId, date);
            if (!days.TryGetValue(key, out var day))
            {
                day = new DayAggregate(report.ReporterId, date);
                days.Add(key, day);
            }

            day.Add(report, input.Zone);
        }

        return days;
    }

    /// <summary>One field worker's week in their district: expected and received days, the gap, the days' numbers, the site.</summary>
    private static void AddReporter(DistrictBuilder b, Reporter reporter, IReadOnlyList<DateOnly> workingDays, List<LeaveEntry>? leave, IEnumerable<DayAggregate> days)
    {
        b.Registered++;
        var reported = days.ToDictionary(d => d.Date);
        var missing = new List<DateOnly>();
        foreach (var d in workingDays.Where(d => leave is null || !leave.Exists(l => l.Covers(d))))
        {
            b.Expected++;
            if (reported.ContainsKey(d))
            {
                b.ReceivedExpected++;
            }
            else
            {
                missing.Add(d);
            }
        }

        if (missing.Count > 0)
        {
            b.Gaps.Add(new ReporterGap(reporter.Id, reporter.Name, missing));
        }

        (double Lat, double Lng)? site = reporter.Latitude is { } lat && reporter.Longitude is { } lng ? (lat, lng) : null;
        foreach (var day in reported.Values.OrderBy(d => d.Date))
        {
            b.AddDay(day, reporter.Name);
            site = day.Location ?? site;
        }

        if (site is { } s)
        {
            b.ReportersWithLocation++;
            b.Sites.Add(new ReporterSite(reporter.Id, reporter.Name, s.Lat, s.Lng));
        }
    }

    private static string DistrictOf(string? district) => string.IsNullOrWhiteSpace(district) ? UnknownDistrict : district.Trim();

    private static Dictionary<(string ReporterId, DateOnly Date), int> PhotoDays(DigestInput input, Dictionary<string, Reporter> roster, DateOnly from, DateOnly through) =>
        PhotoEvidence.ByReporterDay(input.Photos, roster.Values, from, through, input.AsOf).ToDictionary(p => p.Key, p => p.Value.Count);

    private static DistrictDigest Total(IReadOnlyList<DistrictDigest> districts) => new()
    {
        District = ProvinceName,
        Registered = districts.Sum(d => d.Registered),
        Received = districts.Sum(d => d.Received),
        Expected = districts.Sum(d => d.Expected),
        ReceivedExpected = districts.Sum(d => d.ReceivedExpected),
        Certified = districts.Sum(d => d.Certified),
        Late = districts.Sum(d => d.Late),
        Photos = districts.Sum(d => d.Photos),
        PhotosWithoutReport = districts.Sum(d => d.PhotosWithoutReport),
        ReportsWithLocation = districts.Sum(d => d.ReportsWithLocation),
        ReportersWithLocation = districts.Sum(d => d.ReportersWithLocation),
        UnregisteredReports = districts.Sum(d => d.UnregisteredReports),
        Gaps = [.. districts.SelectMany(d => d.Gaps)],
        Sites = [.. districts.SelectMany(d => d.Sites)],
        Problems = [.. districts.SelectMany(d => d.Problems).OrderBy(p => p.Date).ThenBy(p => p.ReporterName, ThaiOrder)],
    };
}
