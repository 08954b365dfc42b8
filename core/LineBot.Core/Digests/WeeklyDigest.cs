using LineBot.Calendar;

namespace LineBot.Digests;

/// <summary>A reporter with working days that have no report (leave and holidays already excluded).</summary>
internal sealed record ReporterGap(string ReporterId, string Name, IReadOnlyList<DateOnly> MissingDates);

/// <summary>One reporter's days in a period: owed (<see cref="Reporters.OwedDays"/>) and, of those, received.</summary>
internal sealed record ReporterTally(string ReporterId, string Name, int Owed, int Received)
{
    public int Missing => Owed - Received;
}

/// <summary>A problem or obstacle exactly as reported.</summary>
internal sealed record ReportedProblem(string ReporterId, string ReporterName, DateOnly Date, string Text);

/// <summary>Where a reporter's site is (the week's latest report coordinates, else their profile's): for map links.</summary>
internal sealed record ReporterSite(string ReporterId, string Name, double Latitude, double Longitude);

/// <summary>The numbers of one district (or of the whole province in <see cref="WeeklyDigest.Province"/>).</summary>
internal sealed record DistrictDigest
{
    public required string District { get; init; }

    /// <summary>Field workers expected in the district during the period (officers, admins and those not yet started or already left excluded).</summary>
    public int Registered { get; init; }

    /// <summary>Reporter-days with at least one report in the counted period (duplicates counted once; weekends and holidays included).</summary>
    public int Received { get; init; }

    /// <summary>Reporter-days expected: working days up to the counted day, minus each reporter's leave.</summary>
    public int Expected { get; init; }

    /// <summary>Reporter-days both expected and received: the progress bar's numerator.</summary>
    public int ReceivedExpected { get; init; }

    /// <summary>Received reporter-days that fell on a weekend, holiday or the reporter's leave.</summary>
    public int ReceivedOnDaysOff => Received - ReceivedExpected;

    public int Missing => Expected - ReceivedExpected;

    /// <summary>Received reporter-days with at least one certified version.</summary>
    public int Certified { get; init; }

    /// <summary>Received reporter-days whose report arrived after its date (Asia/Bangkok).</summary>
    public int Late { get; init; }

    /// <summary>Evidence photos of the period: those of reported days, and those sent on days without a report.</summary>
    public int Photos { get; init; }

    /// <summary>Part of <see cref="Photos"/> sent on reporter-days that have no report (not attached to any).</summary>
    public int PhotosWithoutReport { get; init; }

    /// <summary>Received reporter-days whose report carries coordinates.</summary>
    public int ReportsWithLocation { get; init; }

    /// <summary>Registered reporters with coordinates in a report this week or in their registration.</summary>
    public int ReportersWithLocation { get; init; }

    /// <summary>Reports from people not in the roster (counted in Received, never in Expected).</summary>
    public int UnregisteredReports { get; init; }

    public IReadOnlyList<ReporterGap> Gaps { get; init; } = [];

    /// <summary>Each reporter counted in <see cref="Registered"/>, with their owed and received days (missing or not).</summary>
    public IReadOnlyList<ReporterTally> Tallies { get; init; } = [];

    /// <summary>Registered reporters with a site location (see <see cref="ReportersWithLocation"/>), by name.</summary>
    public IReadOnlyList<ReporterSite> Sites { get; init; } = [];

    public IReadOnlyList<ReportedProblem> Problems { get; init; } = [];

    /// <summary>0–1; 1 when nothing was expected.</summary>
    public double Completion => Expected == 0 ? 1 : (double)ReceivedExpected / Expected;

    /// <summary>0–1; 0 when nothing was received.</summary>
    public double CertificationRate => Received == 0 ? 0 : (double)Certified / Received;
}

/// <summary>A week's digest: per district and the province totals.</summary>
internal sealed record WeeklyDigest(ReportWeek Week, DateOnly CountedThrough, DistrictDigest Province, IReadOnlyList<DistrictDigest> Districts)
{
    /// <summary>Working days (Mon–Fri minus holidays) from Monday to <see cref="CountedThrough"/>: the days the digest covers.</summary>
    public int WorkingDays { get; init; }

    /// <summary>The district this digest was narrowed to (an officer's copy, <c>/สรุป อ.X</c>); null for the whole province.</summary>
    public string? OnlyDistrict { get; init; }

    /// <summary>The whole province's numbers, also when narrowed to a district (where <see cref="Province"/> is the district's).</summary>
    public DistrictDigest? WholeProvince { get; init; }

    /// <summary>True when the whole week is counted (a digest after the week ended), false for a mid-week reminder.</summary>
    public bool IsComplete => CountedThrough >= Week.Sunday;
}
