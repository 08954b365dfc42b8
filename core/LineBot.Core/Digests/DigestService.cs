using LineBot.Calendar;
using LineBot.Groups;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Digests;

/// <summary>Today's numbers of one district: reporter-days expected today and how many of them came in.</summary>
internal sealed record DayStatus(string District, int Expected, int Reported);

/// <summary>What <c>/สถานะ</c> shows: today per district and the week so far.</summary>
internal sealed record StatusSnapshot(DateOnly Today, bool TodayIsWorkingDay, IReadOnlyList<DayStatus> TodayByDistrict, WeeklyDigest Week);

/// <summary>A month's numbers per district (the weeks' digests restricted to the month's days and summed).</summary>
internal sealed record MonthDigest(int Year, int Month, DateOnly CountedThrough, DistrictDigest Province, IReadOnlyList<DistrictDigest> Districts);

/// <summary>A month's digest with what it was computed from (the month's reports and photo records, the roster), for exports.</summary>
internal sealed record MonthData(MonthDigest Digest, IReadOnlyList<Reporter> Reporters, IReadOnlyList<DailyReport> Reports, IReadOnlyList<PhotoRecord> Photos)
{
    /// <summary>The holidays of the weeks the month touches (the real ones, not the days outside the month).</summary>
    public IReadOnlySet<DateOnly> Holidays { get; init; } = new HashSet<DateOnly>();

    /// <summary>Leave touching the month (an entry over two weeks appears once).</summary>
    public IReadOnlyList<LeaveEntry> Leave { get; init; } = [];

    public DateOnly? GoLive { get; init; }
}

/// <summary>
/// Loads what the digest calculators need and runs them, for commands and jobs alike. A week costs one
/// partition query for reports, one for the week's photo records, one for leave, one for the roster and one per
/// year of holidays: the cost depends on the week's data, never on the history in the tables.
/// </summary>
internal sealed class DigestService(ReportStore reports, ReporterStore reporters, HolidayStore holidays, LeaveStore leave, PhotoStore photos, GoLive goLive, BotClock clock)
{
    public Task<IReadOnlyList<Reporter>> ReportersAsync(CancellationToken ct) => reporters.ListAsync(ct);

    public async Task<DigestInput> LoadWeekAsync(ReportWeek week, DateTimeOffset asOf, CancellationToken ct)
    {
        var roster = reporters.ListAsync(ct);
        var weekReports = reports.ListWeekAsync(week.Monday, cancellationToken: ct);
        var days = holidays.DatesAsync(week.Monday, week.Sunday, ct);
        var away = leave.ListForWeekAsync(week, ct);
        var weekPhotos = photos.ListWeekAsync(week.Monday, cancellationToken: ct);
        var live = goLive.DateAsync(ct);
        await Task.WhenAll(roster, weekReports, days, away, weekPhotos, live);
        return new DigestInput(await roster, await weekReports, await days, await away, week, asOf, clock.Zone) { Photos = await weekPhotos, GoLive = await live };
    }

    /// <summary>The digest of the week <paramref name="anyDay"/> falls in, counted up to <paramref name="asOf"/>.</summary>
    public async Task<WeeklyDigest> WeekAsync(DateOnly anyDay, DateTimeOffset asOf, CancellationToken ct) =>
        WeeklyDigestCalculator.Calculate(await LoadWeekAsync(WorkCalendar.WeekOf(anyDay), asOf, ct));

    public async Task<MissingReports> MissingWeekAsync(DateOnly anyDay, DateTimeOffset asOf, CancellationToken ct) =>
        MissingReportsCalculator.From(await WeekAsync(anyDay, asOf, ct));

    public async Task<MissingReports> MissingDayAsync(DateOnly date, DateTimeOffset asOf, CancellationToken ct) =>
        MissingReportsCalculator.ForDay(await LoadWeekAsync(WorkCalendar.WeekOf(date), asOf, ct), date);

    public async Task<StatusSnapshot> StatusAsync(DateTimeOffset at, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.ToLocal(at).DateTime);
        var input = await LoadWeekAsync(WorkCalendar.WeekOf(today), at, ct);
        var week = WeeklyDigestCalculator.Calculate(input);
        var working = WorkCalendar.IsWorkingDay(today, input.Holidays);
        var reportedToday = input.Reports
            .Where(r => r.Date == today && r.ReceivedAt <= at)
            .Select(r => r.ReporterId)
            .ToHashSet(StringComparer.Ordinal);
        var byDistrict = input.Reporters
            .Where(r => r.ExpectedToReport)
            .GroupBy(r => DistrictOf(r.District), StringComparer.Ordinal)
            .Select(g =>
            {
                var expected = g.Where(r => OwedDays.For(r, today, today, input.GoLive, input.Holidays, input.Leave).Count > 0).ToList();
                return new DayStatus(g.Key, expected.Count, expected.Count(r => reportedToday.Contains(r.Id)));
            })
            .OrderBy(d => d.District == WeeklyDigestCalculator.UnknownDistrict ? 1 : 0)
            .ThenBy(d => d.District, WeeklyDigestCalculator.ThaiOrder)
            .ToList();
        return new StatusSnapshot(today, working, byDistrict, week);
    }

    /// <summary>A month counted up to <paramref name="asOf"/>: each week it touches, with days outside the month treated as days off.</summary>
    public async Task<MonthDigest> MonthAsync(int year, int month, DateTimeOffset asOf, CancellationToken ct) =>
        (await MonthDataAsync(year, month, asOf, ct)).Digest;

    /// <summary>The month's digest and data: one week's reads (see <see cref="LoadWeekAsync"/>) per week the month touches.</summary>
    public async Task<MonthData> MonthDataAsync(int year, int month, DateTimeOffset asOf, CancellationToken ct)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var parts = new List<WeeklyDigest>();
        var monthReports = new List<DailyReport>();
        var monthPhotos = new List<PhotoRecord>();
        IReadOnlyList<Reporter> roster = [];
        var holidays = new HashSet<DateOnly>();
        var leave = new HashSet<LeaveEntry>();
        DateOnly? live = null;
        for (var week = WorkCalendar.WeekOf(first); week.Monday <= last; week = week.Next)
        {
            var input = await LoadWeekAsync(week, asOf, ct);
            holidays.UnionWith(input.Holidays);
            leave.UnionWith(input.Leave);
            live = input.GoLive;
            var outside = new HashSet<DateOnly>(input.Holidays);
            outside.UnionWith(week.Days.Where(d => d < first || d > last));
            var inMonth = input with
            {
                PeriodFrom = first,
                PeriodThrough = last,
                Holidays = outside,
                Reports = [.. input.Reports.Where(r => r.Date is { } d && d >= first && d <= last)],
                Photos = [.. input.Photos.Where(p => p.Date >= first && p.Date <= last)],
            };
            parts.Add(WeeklyDigestCalculator.Calculate(inMonth));
            monthReports.AddRange(inMonth.Reports);
            monthPhotos.AddRange(inMonth.Photos);
            roster = input.Reporters;
        }

        var districts = parts.SelectMany(p => p.Districts)
            .GroupBy(d => d.District, StringComparer.Ordinal)
            .Select(g => Sum(g.Key, [.. g]))
            .OrderBy(d => d.District == WeeklyDigestCalculator.UnknownDistrict ? 1 : 0)
            .ThenBy(d => d.District, WeeklyDigestCalculator.ThaiOrder)
            .ToList();
        var through = parts.Count == 0 ? first : parts.Max(p => p.CountedThrough);
        var digest = new MonthDigest(year, month, through < last ? through : last, Sum(WeeklyDigestCalculator.ProvinceName, districts), districts);
        return new MonthData(digest, roster, monthReports, monthPhotos) { Holidays = holidays, Leave = [.. leave], GoLive = live };
    }

    /// <summary>
    /// The digest reduced to one district (its numbers stand in for the province totals, as exports expect); the
    /// real province stays in <see cref="WeeklyDigest.WholeProvince"/> so that any province line shown is true.
    /// </summary>
    public static WeeklyDigest ForDistrict(WeeklyDigest digest, string district)
    {
        var only = digest.Districts.Where(d => d.District == district).ToList();
        var empty = digest.Province with
        {
            District = district, Registered = 0, Received = 0, Expected = 0, ReceivedExpected = 0, Certified = 0, Late = 0, Photos = 0,
            PhotosWithoutReport = 0, ReportsWithLocation = 0, ReportersWithLocation = 0, UnregisteredReports = 0, Gaps = [], Tallies = [], Sites = [], Problems = [],
        };
        return digest with
        {
            Province = only.Count == 1 ? only[0] : empty,
            Districts = only,
            OnlyDistrict = district,
            WholeProvince = digest.WholeProvince ?? digest.Province,
        };
    }

    public static string DistrictOf(string? district) => string.IsNullOrWhiteSpace(district) ? WeeklyDigestCalculator.UnknownDistrict : district.Trim();

    private static DistrictDigest Sum(string name, IReadOnlyList<DistrictDigest> parts) => new()
    {
        District = name,
        // Reporters are counted once however many weeks (or districts) they appear in: start dates and leavers make a max wrong.
        Registered = parts.SelectMany(d => d.Tallies).Select(t => t.ReporterId).Distinct(StringComparer.Ordinal).Count(),
        Received = parts.Sum(d => d.Received),
        Expected = parts.Sum(d => d.Expected),
        ReceivedExpected = parts.Sum(d => d.ReceivedExpected),
        Certified = parts.Sum(d => d.Certified),
        Late = parts.Sum(d => d.Late),
        Photos = parts.Sum(d => d.Photos),
        PhotosWithoutReport = parts.Sum(d => d.PhotosWithoutReport),
        ReportsWithLocation = parts.Sum(d => d.ReportsWithLocation),
        ReportersWithLocation = parts.SelectMany(d => d.Sites).Select(x => x.ReporterId).Distinct(StringComparer.Ordinal).Count(),
        UnregisteredReports = parts.Sum(d => d.UnregisteredReports),
        Gaps = [.. parts.SelectMany(d => d.Gaps)
            .GroupBy(g => g.ReporterId, StringComparer.Ordinal)
            .Select(g => new ReporterGap(g.Key, g.First().Name, [.. g.SelectMany(x => x.MissingDates).Order()]))
            .OrderBy(g => g.Name, WeeklyDigestCalculator.ThaiOrder)],
        Tallies = [.. parts.SelectMany(d => d.Tallies)
            .GroupBy(t => t.ReporterId, StringComparer.Ordinal)
            .Select(g => new ReporterTally(g.Key, g.Last().Name, g.Sum(t => t.Owed), g.Sum(t => t.Received)))
            .OrderBy(t => t.Name, WeeklyDigestCalculator.ThaiOrder)],
        // A reporter's latest week's site wins.
        Sites = [.. parts.SelectMany(d => d.Sites)
            .GroupBy(s => s.ReporterId, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(s => s.Name, WeeklyDigestCalculator.ThaiOrder)],
        Problems = [.. parts.SelectMany(d => d.Problems).OrderBy(p => p.Date).ThenBy(p => p.ReporterName, WeeklyDigestCalculator.ThaiOrder)],
    };
}
