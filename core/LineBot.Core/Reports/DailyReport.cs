using LineBot.Reports.Parsing;

namespace LineBot.Reports;

/// <summary>
/// The current version of one reporter's daily work record for one date, as stored and as digests, commands
/// and exports read it. <see cref="Date"/> is null only for a report whose date could not be understood
/// (kept with its errors until fixed).
/// </summary>
internal sealed record DailyReport
{
    /// <summary>Reporter ID for report text nobody could be named for (kept undated with its errors).</summary>
    public const string Unattributed = "unattributed";

    public required string GroupId { get; init; }
    public required string ReporterId { get; init; }
    public required string ReporterName { get; init; }
    public DateOnly? Date { get; init; }

    /// <summary>Where the work was done, as written (type "CLM" or "HLM"), completed from the reporter's profile.</summary>
    public Site Site { get; init; }

    // Shorthands for readers of the site's parts (digests, exports); the site itself is set as a whole.
    public string? SiteType => Site.Type;
    public string? Province => Site.Province;
    public string? District => Site.District;
    public string? Subdistrict => Site.Subdistrict;

    public IReadOnlyList<string> Activities { get; init; } = [];
    public IReadOnlyList<string> Problems { get; init; } = [];
    public IReadOnlyList<string> Plans { get; init; } = [];
    public string? CertifiedBy { get; init; }

    public int PhotoCount { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>LINE message ID of the text that produced this version.</summary>
    public required string MessageId { get; init; }

    /// <summary>When LINE received the message (event timestamp).</summary>
    public DateTimeOffset ReceivedAt { get; init; }
    public int Version { get; init; } = 1;
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The name written in the report when it is a roster person linked to another LINE user: the report is then
    /// held as disputed (<see cref="ReportStore.ListDisputedAsync"/>), under the sender, on nobody's day.
    /// </summary>
    public string? ClaimedName { get; init; }

    public bool IsDisputed => ClaimedName is not null;

    public bool IsCertified => !string.IsNullOrWhiteSpace(CertifiedBy);
}
