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

    /// <summary>The four site parts above as one value; setting it sets all four.</summary>
    public Site Site
    {
        get => new(SiteType, Province, District, Subdistrict);
        init => (SiteType, Province, District, Subdistrict) = value;
    }

    public IReadOnlyList<string> Activities { get; init; } = [];
    public IReadOnlyList<string> Problems { get; init; } = [];
    public IReadOnlyList<string> Plans { get; init; } = [];
    public string? CertifiedBy { get; init; }

    /// <summary>The command name without its '/', for commands and registrations.</summary>
    public string? Command { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Daily report fields the message left out (each is also said once in <see cref="Warnings"/> or <see cref="Errors"/>).</summary>
    public ReportField Missing { get; init; }

    /// <summary>
    /// Chatter that asks about a report the sender tried to send ("ส่งรายงานค่ะ บอทไม่ตอบ"): not a report, but it
    /// deserves a reply with the template. Kind stays <see cref="MessageKind.Other"/>.
    /// </summary>
    public bool AsksAboutReport { get; init; }

    /// <summary>
    /// A report attempt that cannot be filed as it is: kind <see cref="MessageKind.DailyReport"/> with errors.
    /// Every attempt is a daily report, complete or not, so every attempt gets a reply.
    /// </summary>
    public bool IsIncompleteReport => Kind == MessageKind.DailyReport && Errors.Count > 0;

    /// <summary>The warnings without those about fields the reply fills from elsewhere (e.g. the sender's profile).</summary>
    public IReadOnlyList<string> WarningsExcept(ReportField filled) =>
        filled == ReportField.None ? Warnings : [.. Warnings.Where(w => !Enum.GetValues<ReportField>().Any(f => f != ReportField.None && filled.HasFlag(f) && MissingFieldText.Belongs(w, f)))];

    public static ParsedMessage Other { get; } = new();
}
