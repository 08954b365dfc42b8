using LineBot.Reports.Parsing;

namespace LineBot.Reporters;

internal enum ReporterRole
{
    /// <summary>นพต.: reports, registers, takes leave, sees their own status.</summary>
    Reporter,

    /// <summary>District officer (เจ้าหน้าที่พัฒนาชุมชนอำเภอ): sees their district.</summary>
    Officer,

    /// <summary>Provincial admin: sees and configures everything.</summary>
    Admin,
}

/// <summary>
/// A person the bot knows: a field worker (from registration, a roster import or their first report), or an
/// officer. <see cref="Id"/> is stable: the LINE user ID when known, else a key from the normalised name.
/// </summary>
internal sealed record Reporter
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? UserId { get; init; }
    public string? DisplayName { get; init; }
    public string? SiteType { get; init; }
    public string? District { get; init; }
    public string? Subdistrict { get; init; }
    public string? Phone { get; init; }
    public ReporterRole Role { get; init; } = ReporterRole.Reporter;

    /// <summary>For officers: the district they read digests for.</summary>
    public string? OfficerDistrict { get; init; }
    public DateOnly? LastReportDate { get; init; }

    /// <summary>
    /// The first day reports are owed (registration, enrolment, roster import or first report); null for profiles
    /// made before start dates existed: they are owed from the day the bot joined the group (<see cref="OwedDays"/>).
    /// </summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The last day reports are owed (the day before they left the group or were removed); null while they report.</summary>
    public DateOnly? EndDate { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>The site as the last location message named it (title, address) and when it was sent.</summary>
    public string? SiteTitle { get; init; }
    public string? SiteAddress { get; init; }
    public DateTimeOffset? LocationAt { get; init; }

    /// <summary>The site this person works at, as registered (profiles keep no province).</summary>
    public Site Site => new(SiteType, null, District, Subdistrict);

    /// <summary>The profile with its site replaced as a whole (a registration, a profile made from a report).</summary>
    public Reporter WithSite(Site site) => this with { SiteType = site.Type, District = site.District, Subdistrict = site.Subdistrict };

    /// <summary>Whether reports are expected from this person (field workers; not officers or admins).</summary>
    public bool ExpectedToReport => Role == ReporterRole.Reporter;

    /// <summary>A field worker still expected on <paramref name="date"/> (not ended before it).</summary>
    public bool ExpectedOn(DateOnly date) => ExpectedToReport && (EndDate is not { } end || end >= date);
}
