using LineBot.Calendar;

namespace LineBot.Digests;

/// <summary>Who still owes reports, per district (districts with nobody missing are left out).</summary>
internal sealed record MissingReports(DateOnly From, DateOnly Through, IReadOnlyList<DistrictMissing> Districts)
{
    public bool NobodyMissing => Districts.Count == 0;

    public int ReporterCount => Districts.Sum(d => d.Reporters.Count);

    public int DayCount => Districts.Sum(d => d.Reporters.Sum(r => r.MissingDates.Count));
}

internal sealed record DistrictMissing(string District, IReadOnlyList<ReporterGap> Reporters);

/// <summary>
/// "Who has missing report days" for the weekly reminder and <c>/ยังไม่ส่ง</c>, with the digest's rules
/// (holidays, leave, as-of): the week so far, or one day.
/// </summary>
internal static class MissingReportsCalculator
{
    /// <summary>Missing days from Monday up to and including the as-of date (or the whole week once it is over).</summary>
    public static MissingReports ForWeek(DigestInput input) => From(WeeklyDigestCalculator.Calculate(input));

    /// <summary>Missing for one date only (empty when it is not a working day).</summary>
    public static MissingReports ForDay(DigestInput input, DateOnly date)
    {
        var week = WorkCalendar.WeekOf(date);
        var digest = WeeklyDigestCalculator.Calculate(input with { Week = week });
        var districts = digest.Districts
            .Select(d => new DistrictMissing(d.District, [.. d.Gaps
                .Where(g => g.MissingDates.Contains(date))
                .Select(g => g with { MissingDates = [date] })]))
            .Where(d => d.Reporters.Count > 0)
            .ToList();
        return new MissingReports(date, date, districts);
    }

    public static MissingReports From(WeeklyDigest digest) => new(
        digest.Week.Monday,
        digest.CountedThrough,
        [.. digest.Districts.Where(d => d.Gaps.Count > 0).Select(d => new DistrictMissing(d.District, d.Gaps))]);
}
