namespace LineBot.Tests.Reports.Parsing;

/// <summary>
/// One real-style message and what the parser must understand from it. Every field is asserted: what a case
/// does not set must come out null or empty. <see cref="Errors"/> must match one to one (by substring);
/// <see cref="Warnings"/> must each be among the warnings (others may be there too, e.g. "no certifier").
/// </summary>
public sealed record ParserCase(string Name, string Text)
{
    /// <summary>Wednesday 25 Nov 2026 (2569), 18:00 in Bangkok, unless a case says otherwise.</summary>
    public string Now { get; init; } = "2026-11-25T18:00:00+07:00";
    public string Kind { get; init; } = "daily-report";
    public string? Date { get; init; }
    public string? Month { get; init; }
    public string? Reporter { get; init; }
    public string? Type { get; init; }

    /// <summary>Defaults to ฉะเชิงเทรา when a district or sub-district is expected.</summary>
    public string? Province { get; init; } = Auto;
    public string? District { get; init; }
    public string? Sub { get; init; }
    public string[] Acts { get; init; } = [];
    public string[] Probs { get; init; } = [];
    public string[] Plans { get; init; } = [];
    public string? Cert { get; init; }
    public string? Command { get; init; }
    public string[] Args { get; init; } = [];
    public string[] Errors { get; init; } = [];
    public string[] Warnings { get; init; } = [];

    public const string Auto = "\u0000auto";

    public string? ExpectedProvince => Province == Auto ? (District ?? Sub) is null ? null : "ฉะเชิงเทรา" : Province;

    public override string ToString() => Name;
}
