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
        var workingDays = WorkCalendar.WorkingDays(week.Monday, through, input.Holidays);

        var roster = new Dictionary<string, Reporter>(StringComparer.Ordinal);
        foreach (var r in input.Reporters)
        {
            if (r.ExpectedToReport)
            {
                roster.TryAdd(r.Id, r);
            }
        }

        var knownDistricts = new HashSet<string>(roster.Values.Select(r => DistrictOf(r.District)), StringComparer.Ordinal);

        var leaveByReporter = input.Leave
            .Where(l => l.From <= through && l.To >= week.Monday)
            .GroupBy(l => l.ReporterId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // (reporter, date) → the day's reports; only dated, in the period, and already received at the as-of instant.
        var days = new Dictionary<(string ReporterId, DateOnly Date), DayAggregate>();
        foreach (var report in input.Reports)
        {
            if (report.Date is not { } date || date < week.Monday || date > through || report.ReceivedAt > input.AsOf)
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

        var photoDays = PhotoDays(input, roster, week.Monday, through);
        foreach (var day in days.Values)
        {
            day.AddPhotoRecords(photoDays.GetValueOrDefault((day.ReporterId, day.Date)));
        }

        var builders = new Dictionary<string, DistrictBuilder>(StringComparer.Ordinal);
        DistrictBuilder Builder(string district)
        {
            if (!builders.TryGetValue(district, out var b))
            {
                b = new DistrictBuilder(district);
                builders.Add(district, b);
            }

            return b;
        }

        foreach (var district in knownDistricts)
        {
            Builder(district);
        }

        var daysByReporter = days.Values.ToLookup(d => d.ReporterId, StringComparer.Ordinal);
        foreach (var reporter in roster.Values)
        {
            var b = Builder(DistrictOf(reporter.District));
            b.Registered++;
            var leave = leaveByReporter.GetValueOrDefault(reporter.Id);
            var reported = daysByReporter[reporter.Id].ToDictionary(d => d.Date);
            var missing = new List<DateOnly>();
            foreach (var d in workingDays)
            {
                if (leave is not null && leave.Exists(l => l.Covers(d)))
                {
                    continue;
                }

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

    /// <summary>All reports of one reporter for one date (duplicates and corrections sent as new messages).</summary>
    private sealed class DayAggregate(string reporterId, DateOnly date)
    {
        public string ReporterId { get; } = reporterId;
        public DateOnly Date { get; } = date;
        public string ReporterName { get; private set; } = "";
        public string? District { get; private set; }
        public bool Certified { get; private set; }
        public bool Late { get; private set; } = true;
        public bool HasLocation => Location is not null;

        /// <summary>The day's site coordinates (the last copy's that has them).</summary>
        public (double Lat, double Lng)? Location { get; private set; }
        public int Photos => Math.Max(_reportedPhotos, _photoRecords);
        public List<string> Problems { get; } = [];

        private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);
        private int _reportedPhotos;
        private int _photoRecords;

        /// <summary>The day's stored photo records: the counts on reports may lag behind them (or be absent).</summary>
        public void AddPhotoRecords(int count) => _photoRecords = count;

        public void Add(DailyReport report, TimeZoneInfo zone)
        {
            // The same stored report handed in twice (e.g. from two queries) must not double its photos.
            if (!_messageIds.Add(report.MessageId))
            {
                return;
            }

            ReporterName = report.ReporterName;
            District ??= report.District;
            Certified |= report.IsCertified;
            if (report.Latitude is { } lat && report.Longitude is { } lng)
            {
                Location = (lat, lng);
            }

            _reportedPhotos += report.PhotoCount;
            // Late only if every copy came after the day: one on-time copy makes the day on time.
            Late &= DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(report.ReceivedAt, zone).DateTime) > Date;
            foreach (var p in report.Problems)
            {
                var text = p.Trim();
                if (text.Length > 0 && !Problems.Contains(text, StringComparer.Ordinal))
                {
                    Problems.Add(text);
                }
            }
        }
    }

    private sealed class DistrictBuilder(string district)
    {
        public int Registered { get; set; }
        public int Expected { get; set; }
        public int ReceivedExpected { get; set; }
        public int ReportersWithLocation { get; set; }
        public int UnregisteredReports { get; set; }
        public List<ReporterGap> Gaps { get; } = [];
        public List<ReporterSite> Sites { get; } = [];
        private readonly List<ReportedProblem> _problems = [];
        private int _received;
        private int _certified;
        private int _late;
        private int _photos;
        private int _withLocation;
        private int _photosWithoutReport;

        public void AddPhotosWithoutReport(int count)
        {
            _photos += count;
            _photosWithoutReport += count;
        }

        public void AddDay(DayAggregate day, string name)
        {
            _received++;
            _certified += day.Certified ? 1 : 0;
            _late += day.Late ? 1 : 0;
            _photos += day.Photos;
            _withLocation += day.HasLocation ? 1 : 0;
            foreach (var p in day.Problems)
            {
                _problems.Add(new ReportedProblem(day.ReporterId, name, day.Date, p));
            }
        }

        public DistrictDigest Build() => new()
        {
            District = district,
            Registered = Registered,
            Received = _received,
            Expected = Expected,
            ReceivedExpected = ReceivedExpected,
            Certified = _certified,
            Late = _late,
            Photos = _photos,
            PhotosWithoutReport = _photosWithoutReport,
            ReportsWithLocation = _withLocation,
            ReportersWithLocation = ReportersWithLocation,
            UnregisteredReports = UnregisteredReports,
            Gaps = [.. Gaps.OrderBy(g => g.Name, ThaiOrder)],
            Sites = [.. Sites.OrderBy(x => x.Name, ThaiOrder)],
            Problems = [.. _problems.OrderBy(p => p.Date).ThenBy(p => p.ReporterName, ThaiOrder)],
        };
    }
}
