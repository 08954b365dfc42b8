using System.Globalization;
using LineBot.Reports.Parsing;

namespace LineBot.Tests.Reports.Parsing;

public sealed class ReportParserTableTests
{
    internal static readonly ReportParser Parser = new(ChachoengsaoGazetteer.Create());

    private static readonly Dictionary<string, ParserCase> Cases = ParserCases.All.ToDictionary(c => c.Name);

    public static TheoryData<string> Names() => [.. ParserCases.All.Select(c => c.Name)];

    [Fact]
    public void Table_HasAtLeast80UniquelyNamedCases() => Assert.True(Cases.Count >= 80 && Cases.Count == ParserCases.All.Length);

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_TableCase_UnderstandsEveryField(string name)
    {
        var c = Cases[name];
        var now = DateTimeOffset.Parse(c.Now, CultureInfo.InvariantCulture);

        var result = Parser.Parse(c.Text, now);

        Assert.Equal(c.Kind, result.Kind.Name());
        Assert.Equal(c.Date, result.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(c.Month, result.Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Assert.Equal(c.Reporter, result.Reporter);
        Assert.Equal(c.Type, result.SiteType);
        Assert.Equal(c.ExpectedProvince, result.Province);
        Assert.Equal(c.District, result.District);
        Assert.Equal(c.Sub, result.Subdistrict);
        Assert.Equal(c.Acts, result.Activities);
        Assert.Equal(c.Probs, result.Problems);
        Assert.Equal(c.Plans, result.Plans);
        Assert.Equal(c.Cert, result.CertifiedBy);
        Assert.Equal(c.Command, result.Command);
        Assert.Equal(c.Args, result.Args);
        Assert.True(c.Errors.Length == result.Errors.Count, $"errors: {string.Join(" | ", result.Errors)}");
        foreach (var error in c.Errors)
        {
            Assert.Contains(result.Errors, e => e.Contains(error, StringComparison.Ordinal));
        }

        foreach (var warning in c.Warnings)
        {
            Assert.Contains(result.Warnings, w => w.Contains(warning, StringComparison.Ordinal));
        }

        if (c.Kind == "other")
        {
            Assert.Empty(result.Errors);
            Assert.Empty(result.Warnings);
        }
    }
}
