using System.Text.Json;
using System.Text.Json.Serialization;
using LineBot.Tests.Deploy;

namespace LineBot.Tests.Reports.Parsing.Corpus;

/// <summary>
/// One message of <c>corpus.jsonl</c> and its expected reading. Absent fields are expected null or empty, as in
/// <see cref="ParserCase"/>; <see cref="Warnings"/> must each be among the warnings (others may be there too).
/// </summary>
public sealed record CorpusCase
{
    public required string Name { get; init; }
    public required string Text { get; init; }
    public string Now { get; init; } = "2026-11-25T18:00:00+07:00";
    public string Kind { get; init; } = "daily-report";
    public string? Date { get; init; }
    public string? Reporter { get; init; }
    public string? Type { get; init; }
    public string? District { get; init; }
    public string? Sub { get; init; }
    public string[] Acts { get; init; } = [];
    public string[] Probs { get; init; } = [];
    public string[] Plans { get; init; } = [];
    public string? Cert { get; init; }
    public string[] Errors { get; init; } = [];
    public string[] Warnings { get; init; } = [];

    /// <summary>A known misreading, said in words: the test checks it is still misread (and asks for the note to go once it is not).</summary>
    public string? Gap { get; init; }

    /// <summary>Where the message came from: composed, chatter, held-out (written after the rules, see README).</summary>
    public string Set => Name.Split(' ')[0];

    public static string Folder => Path.Combine(DeployPaths.RepositoryRoot, "tests", "LineBot.Tests", "Reports", "Parsing", "Corpus");

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>corpus.jsonl (composed reports and chatter) and heldout.jsonl (sets written after the rules, to measure them).</summary>
    public static IReadOnlyList<CorpusCase> Load() =>
        [.. Directory.GetFiles(Folder, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<CorpusCase>(l, Options)!)];

    public override string ToString() => Name;
}
