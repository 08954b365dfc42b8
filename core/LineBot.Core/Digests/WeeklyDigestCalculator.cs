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

    /// <summary>The day the bot joined the group (Bangkok): nothing before it is owed (<see cref="OwedDays"/>); null = unknown.</summary>
    public DateOnly? GoLive { get; init; }

    /// <summary>When the week is counted as part of a month: the month's first and last day (days outside owe nothing, reporters outside do not count).</summary>
    public DateOnly? PeriodFrom { get; init; }

    public DateOnly? PeriodThrough { get; init; }
}

/// <summary>
/// Pure weekly numbers per district. Counting rules:
/// - the period is Monday to the earlier of Sunday and the as-of date (Bangkok): a Friday reminder counts up to
///   and including Friday, a digest for a past week the whole week;
/// - expected = the days each field worker owes in the period (<see cref="OwedDays"/>: working days from the later
///   of their start date and go-live to the earlier of the period's end and their end date, minus leave); received = distinct (reporter, date) pairs with a report dated in the period and received by the
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

        var leaveByReporter = LeaveByReporter(input.Leave, week.Monday, through);
        var daysByReporter = days.Values.ToLookup(d => d.ReporterId, StringComparer.Ordinal);
        var owedFrom = input.PeriodFrom is { } periodFrom && periodFrom > week.Monday ? periodFrom : week.Monday;
        var owedThrough = input.PeriodThrough is { } periodThrough && periodThrough < through ? periodThrough : through;
        foreach (var reporter in roster.Values)
        {
            var owed = OwedDays.For(reporter, owedFrom, owedThrough, input.GoLive, input.Holidays, leaveByReporter.GetValueOrDefault(reporter.Id) ?? []);
            var counted = OwedDays.Overlaps(reporter, owedFrom, owedThrough, input.GoLive);
            AddReporter(Builder(DistrictOf(reporter.District)), reporter, counted, owed, daysByReporter[reporter.Id]);
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
        return new WeeklyDigest(week, through, Total(districts), districts) { WorkingDays = WorkCalendar.WorkingDays(week.Monday, through, input.Holidays).Count };
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

    /// <summary>
    /// One field worker's week in their district: owed and received days, the gap, the days' numbers, the site. Someone
    /// whose start–end span misses the period (<paramref name="counted"/> false) is not one of its reporters, but what
    /// they sent still counts as received.
    /// </summary>
    private static void AddReporter(DistrictBuilder b, Reporter reporter, bool counted, IReadOnlyList<DateOnly> owed, IEnumerable<DayAggregate> days)
    {
        var reported = days.ToDictionary(d => d.Date);
        var missing = owed.Where(d => !reported.ContainsKey(d)).ToList();
        b.Expected += owed.Count;
        b.ReceivedExpected += owed.Count - missing.Count;
        if (counted)
        {
            b.Registered++;
            b.Tallies.Add(new ReporterTally(reporter.Id, reporter.Name, owed.Count, owed.Count - missing.Count));
        }

        if (missing.Count > 0)
        {
            b.Gaps.Add(new ReporterGap(reporter.Id, reporter.Name, missing));
        }

        if (!counted)
        {
            foreach (var day in reported.Values.OrderBy(d => d.Date))
            {
                b.AddDay(day, reporter.Name);
            }

            return;
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
        Tallies = [.. districts.SelectMany(d => d.Tallies)],
        Sites = [.. districts.SelectMany(d => d.Sites)],
        Problems = [.. districts.SelectMany(d => d.Problems).OrderBy(p => p.Date).ThenBy(p => p.ReporterName, ThaiOrder)],
    };
}
