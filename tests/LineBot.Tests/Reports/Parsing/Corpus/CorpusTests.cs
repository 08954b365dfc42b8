using System.Globalization;
using LineBot.Reports.Parsing;
using Xunit.Abstractions;

namespace LineBot.Tests.Reports.Parsing.Corpus;

/// <summary>
/// The parser over the kept corpus: every expected field of every message, and the two rates that matter for a
/// group chat — report attempts answered (a daily report, complete or not) and chatter left silent.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CorpusCase> Cases = CorpusCase.Load();
    private static readonly Dictionary<string, CorpusCase> ByName = Cases.ToDictionary(c => c.Name);

    public static TheoryData<string> Names() => [.. CorpusCase.Load().Select(c => c.Name)];

    [Fact]
    public void Corpus_HasSeveralHundredUniquelyNamedMessages_AndALargeChatterShare()
    {
        Assert.True(Cases.Count >= 400, $"{Cases.Count} messages");
        Assert.Equal(Cases.Count, ByName.Count);
        Assert.True(Cases.Count(c => c.Kind == "other") >= 100);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_CorpusMessage_ReadsEveryExpectedField(string name)
    {
        var c = ByName[name];

        var result = Parse(c);
        var wrong = Mismatches(c, result);

        if (c.Gap is null)
        {
            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }
        else
        {
            Assert.True(wrong.Count > 0, $"now read right; drop its gap note: {c.Gap}");
        }

        // The reply never names a thing and says it is missing, and says each thing once.
        Assert.False(result.Reporter is not null && result.Warnings.Contains(MissingFieldText.Reporter));
        Assert.False(result.CertifiedBy is not null && result.Warnings.Contains(MissingFieldText.Certifier));
        Assert.Equal(result.Warnings.Count, result.Warnings.Distinct().Count());
    }

    /// <summary>Every field that differs from the expected reading, as "field: got … want …".</summary>
    internal static List<string> Mismatches(CorpusCase c, ParsedMessage result)
    {
        var wrong = new List<string>();
        void Check<T>(string field, T want, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(want, got))
            {
                wrong.Add($"{field}: got {got} want {want}");
            }
        }

        void CheckList(string field, string[] want, IReadOnlyList<string> got)
        {
            if (!want.SequenceEqual(got))
            {
                wrong.Add($"{field}: got [{string.Join(" | ", got)}] want [{string.Join(" | ", want)}]");
            }
        }

        Check("kind", c.Kind, result.Kind.Name());
        Check("date", c.Date, result.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Check("reporter", c.Reporter, result.Reporter);
        Check("type", c.Type, result.SiteType);
        Check("district", c.District, result.District);
        Check("sub", c.Sub, result.Subdistrict);
        Check("province", (c.District ?? c.Sub) is null ? null : "ฉะเชิงเทรา", result.Province);
        CheckList("acts", c.Acts, result.Activities);
        CheckList("probs", c.Probs, result.Problems);
        CheckList("plans", c.Plans, result.Plans);
        Check("cert", c.Cert, result.CertifiedBy);
        if (c.Errors.Length != result.Errors.Count || !c.Errors.All(e => result.Errors.Any(r => r.Contains(e, StringComparison.Ordinal))))
        {
            wrong.Add($"errors: got [{string.Join(" | ", result.Errors)}] want [{string.Join(" | ", c.Errors)}]");
        }

        if (!c.Warnings.All(w => result.Warnings.Any(r => r.Contains(w, StringComparison.Ordinal))))
        {
            wrong.Add($"warnings: got [{string.Join(" | ", result.Warnings)}] want to include [{string.Join(" | ", c.Warnings)}]");
        }

        return wrong;
    }

    [Fact]
    public void Corpus_EveryAttemptIsAnswered_AndChatterStaysSilent()
    {
        var attempts = Cases.Where(c => c.Kind == "daily-report").ToList();
        var chatter = Cases.Where(c => c.Kind == "other").ToList();

        var unanswered = attempts.Where(c => Parse(c).Kind != MessageKind.DailyReport).ToList();
        var noisy = chatter.Where(c => Parse(c) is not { Kind: MessageKind.Other, AsksAboutReport: false }).ToList();
        var right = Cases.Count(c => Mismatches(c, Parse(c)).Count == 0);

        output.WriteLine($"attempts answered: {attempts.Count - unanswered.Count}/{attempts.Count} ({100.0 * (attempts.Count - unanswered.Count) / attempts.Count:0.0}%)");
        output.WriteLine($"chatter silent: {chatter.Count - noisy.Count}/{chatter.Count} ({100.0 * (chatter.Count - noisy.Count) / chatter.Count:0.0}%)");
        output.WriteLine($"read fully right: {right}/{Cases.Count} ({100.0 * right / Cases.Count:0.0}%)");

        // Only a known, written-down gap may go unanswered; chatter never gets a reply.
        Assert.All(unanswered, c => Assert.NotNull(c.Gap));
        Assert.Empty(noisy);
    }

    private static ParsedMessage Parse(CorpusCase c) =>
        ReportParserTableTests.Parser.Parse(c.Text, DateTimeOffset.Parse(c.Now, CultureInfo.InvariantCulture));
}
