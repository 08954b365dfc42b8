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

        Assert.Equal(c.Kind, result.Kind.Name());
        Assert.Equal(c.Date, result.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(c.Reporter, result.Reporter);
        Assert.Equal(c.Type, result.SiteType);
        Assert.Equal(c.District, result.District);
        Assert.Equal(c.Sub, result.Subdistrict);
        Assert.Equal((c.District ?? c.Sub) is null ? null : "ฉะเชิงเทรา", result.Province);
        Assert.Equal(c.Acts, result.Activities);
        Assert.Equal(c.Probs, result.Problems);
        Assert.Equal(c.Plans, result.Plans);
        Assert.Equal(c.Cert, result.CertifiedBy);
        Assert.True(c.Errors.Length == result.Errors.Count, $"errors: {string.Join(" | ", result.Errors)}");
        foreach (var error in c.Errors)
        {
            Assert.Contains(result.Errors, e => e.Contains(error, StringComparison.Ordinal));
        }

        foreach (var warning in c.Warnings)
        {
            Assert.Contains(result.Warnings, w => w.Contains(warning, StringComparison.Ordinal));
        }

        // The reply never names a thing and says it is missing.
        Assert.False(result.Reporter is not null && result.Warnings.Contains(MissingFieldText.Reporter));
        Assert.False(result.CertifiedBy is not null && result.Warnings.Contains(MissingFieldText.Certifier));
        Assert.Equal(result.Warnings.Count, result.Warnings.Distinct().Count());
    }

    [Fact]
    public void Corpus_EveryAttemptIsAnswered_AndChatterStaysSilent()
    {
        var attempts = Cases.Where(c => c.Kind == "daily-report").ToList();
        var chatter = Cases.Where(c => c.Kind == "other").ToList();

        var answered = attempts.Count(c => Parse(c).Kind == MessageKind.DailyReport);
        var silent = chatter.Count(c => Parse(c) is { Kind: MessageKind.Other, AsksAboutReport: false });

        output.WriteLine($"attempts answered: {answered}/{attempts.Count} ({100.0 * answered / attempts.Count:0.0}%)");
        output.WriteLine($"chatter silent: {silent}/{chatter.Count} ({100.0 * silent / chatter.Count:0.0}%)");
        Assert.Equal(attempts.Count, answered);
        Assert.Equal(chatter.Count, silent);
    }

    private static ParsedMessage Parse(CorpusCase c) =>
        ReportParserTableTests.Parser.Parse(c.Text, DateTimeOffset.Parse(c.Now, CultureInfo.InvariantCulture));
}
