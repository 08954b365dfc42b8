namespace LineBot.Digests;

/// <summary>One district's weekly numbers as the calculator adds reporters and days to them.</summary>
internal sealed class DistrictBuilder(string district)
{
    public int Registered { get; set; }
    public int Expected { get; set; }
    public int ReceivedExpected { get; set; }
    public int ReportersWithLocation { get; set; }
    public int UnregisteredReports { get; set; }
    public List<ReporterGap> Gaps { get; } = [];
    public List<ReporterTally> Tallies { get; } = [];
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
        Gaps = [.. Gaps.OrderBy(g => g.Name, WeeklyDigestCalculator.ThaiOrder)],
        Tallies = [.. Tallies.OrderBy(t => t.Name, WeeklyDigestCalculator.ThaiOrder)],
        Sites = [.. Sites.OrderBy(x => x.Name, WeeklyDigestCalculator.ThaiOrder)],
        Problems = [.. _problems.OrderBy(p => p.Date).ThenBy(p => p.ReporterName, WeeklyDigestCalculator.ThaiOrder)],
    };
}
