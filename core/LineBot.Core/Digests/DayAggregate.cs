using LineBot.Reports;

namespace LineBot.Digests;

/// <summary>All reports of one reporter for one date (duplicates and corrections sent as new messages).</summary>
internal sealed class DayAggregate(string reporterId, DateOnly date)
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
