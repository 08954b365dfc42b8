namespace LineBot.Reports;

/// <summary>
/// The current version of one reporter's daily work record for one date, as stored and as digests, commands
/// and exports read it. <see cref="Date"/> is null only for a report whose date could not be understood
/// (kept with its errors until fixed).
/// </summary>
internal sealed record DailyReport
{
    public required string GroupId { get; init; }
    public required string ReporterId { get; init; }
    public required string ReporterName { get; init; }
    public DateOnly? Date { get; init; }

    /// <summary>"CLM" or "HLM", or null when not stated.</summary>
    public string? SiteType { get; init; }
    public string? Province { get; init; }
    public string? District { get; init; }
    public string? Subdistrict { get; init; }

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

    public bool IsCertified => !string.IsNullOrWhiteSpace(CertifiedBy);
}
