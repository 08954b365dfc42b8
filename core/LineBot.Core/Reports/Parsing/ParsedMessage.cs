namespace LineBot.Reports.Parsing;

/// <summary>
/// What the parser understood from one text message. Fields that were not found are null or empty; nothing
/// here is ever thrown. <see cref="Errors"/> and <see cref="Warnings"/> are Thai sentences for the reply.
/// <see cref="Date"/> is the report date (CE); <see cref="Month"/> the first day of a monthly plan's month.
/// </summary>
internal sealed record ParsedMessage
{
    public MessageKind Kind { get; init; }
    public DateOnly? Date { get; init; }
    public DateOnly? Month { get; init; }
    public string? Reporter { get; init; }

    /// <summary>"CLM" or "HLM".</summary>
    public string? SiteType { get; init; }
    public string? Province { get; init; }
    public string? District { get; init; }
    public string? Subdistrict { get; init; }

    /// <summary>The four site parts above as one value.</summary>
    public Site Site => new(SiteType, Province, District, Subdistrict);
    public IReadOnlyList<string> Activities { get; init; } = [];
    public IReadOnlyList<string> Problems { get; init; } = [];
    public IReadOnlyList<string> Plans { get; init; } = [];
    public string? CertifiedBy { get; init; }

    /// <summary>The command name without its '/', for commands and registrations.</summary>
    public string? Command { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static ParsedMessage Other { get; } = new();
}
