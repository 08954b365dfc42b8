using System.Globalization;
using LineBot.Reports.Parsing;

namespace LineBot.Tests.Reports.Parsing;

public sealed class FieldDetectionTests
{
    private static readonly ReportParser Parser = ReportParserTableTests.Parser;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(7));
    private static readonly Dictionary<string, ParserCase> Cases = FieldDetectionCases.All.ToDictionary(c => c.Name);

    public static TheoryData<string> Names() => [.. FieldDetectionCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_IssueCategoryCase_UnderstandsEveryField(string name)
    {
        var c = Cases[name];

        var result = Parser.Parse(c.Text, DateTimeOffset.Parse(c.Now, CultureInfo.InvariantCulture));

        Assert.Equal(c.Kind, result.Kind.Name());
        Assert.Equal(c.Date, result.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(c.Reporter, result.Reporter);
        Assert.Equal(c.Type, result.SiteType);
        Assert.Equal(c.ExpectedProvince, result.Province);
        Assert.Equal(c.District, result.District);
        Assert.Equal(c.Sub, result.Subdistrict);
        Assert.Equal(c.Acts, result.Activities);
        Assert.Equal(c.Probs, result.Problems);
        Assert.Equal(c.Plans, result.Plans);
        Assert.Equal(c.Cert, result.CertifiedBy);
        Assert.True(c.Errors.Length == result.Errors.Count, $"errors: {string.Join(" | ", result.Errors)}");
        Assert.All(c.Errors, error => Assert.Contains(result.Errors, e => e.Contains(error, StringComparison.Ordinal)));
        Assert.All(c.Warnings, warning => Assert.Contains(result.Warnings, w => w.Contains(warning, StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("ไม่ใช่จังหวัด", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TellingTheBotItDidNotAnswer_IsNotAReportButAsksForHelp()
    {
        var result = Parser.Parse("ส่งรายงานค่ะ บอทไม่ตอบ", Now);

        Assert.Equal(MessageKind.Other, result.Kind);
        Assert.True(result.AsksAboutReport);
        Assert.False(Parser.Parse("ส่งรายงานแล้วครับ", Now).AsksAboutReport);
    }

    [Fact]
    public void Parse_DateAndListFromARegisteredReporter_IsAnAttempt()
    {
        const string Text = "24 พ.ย. 69\n- ขุดบ่อ\n- ปลูกผัก";

        var result = Parser.Parse(Text, Now, fromReporter: true);

        Assert.Equal(MessageKind.DailyReport, result.Kind);
        Assert.Equal(new DateOnly(2026, 11, 24), result.Date);
        Assert.Equal(["ขุดบ่อ", "ปลูกผัก"], result.Activities);
        Assert.Equal(MessageKind.Other, Parser.Parse(Text, Now).Kind);
    }

    [Fact]
    public void Parse_IncompleteAttempt_IsADailyReportWithErrors_AndSaysEachMissingThingOnce()
    {
        var result = Parser.Parse("รายงานประจำวัน\nวันที่ 24 พ.ย. 69", Now);

        Assert.True(result.IsIncompleteReport);
        Assert.Equal(ReportField.Activities | ReportField.Reporter | ReportField.Site | ReportField.Certifier, result.Missing);
        Assert.Single(result.Warnings, w => MissingFieldText.Belongs(w, ReportField.Site));
        Assert.Equal(result.Warnings.Count, result.Warnings.Distinct().Count());
    }

    [Fact]
    public void WarningsExcept_FieldsFilledFromTheProfile_DropsTheirMissingNotes()
    {
        var result = Parser.Parse("รายงานประจำวัน\nวันที่ 24 พ.ย. 69\nกิจกรรม ขุดบ่อ", Now);

        var shown = result.WarningsExcept(ReportField.Reporter | ReportField.Site);

        Assert.Contains(MissingFieldText.Reporter, result.Warnings);
        Assert.DoesNotContain(MissingFieldText.Reporter, shown);
        Assert.DoesNotContain(shown, w => MissingFieldText.Belongs(w, ReportField.Site));
        Assert.Contains(MissingFieldText.Certifier, shown);
    }

    [Fact]
    public void Template_FilledFromTheSender_HasTheirNameSiteAndTodayInBuddhistEra()
    {
        var text = ReportTemplate.Render("นางสาวสมศรี ใจดี", "HLM ต.บางพระ อ.เมืองฉะเชิงเทรา", new DateOnly(2026, 11, 25));

        Assert.Contains("วันที่: 25 พ.ย. 2569", text, StringComparison.Ordinal);
        Assert.Contains("ชื่อ: นางสาวสมศรี ใจดี", text, StringComparison.Ordinal);
        Assert.Contains("พื้นที่: HLM ต.บางพระ อ.เมืองฉะเชิงเทรา", text, StringComparison.Ordinal);

        // And what the message did say wins over the profile; the filled template parses back to the same report.
        var understood = Parser.Parse("รายงานวันนี้ค่ะ\n- ขุดบ่อ", Now);
        var again = Parser.Parse(ReportTemplate.Render("นางสาวสมศรี ใจดี", "HLM ต.บางพระ อ.เมือง", new DateOnly(2026, 11, 25), understood), Now);
        Assert.Equal(["ขุดบ่อ"], again.Activities);
        Assert.Equal("นางสาวสมศรี ใจดี", again.Reporter);
        Assert.Equal("บางพระ", again.Subdistrict);
    }

    [Fact]
    public void Gazetteer_FromJson_KnowsShortNamesAndTheProvinceAbbreviation()
    {
        var gazetteer = GazetteerLoader.FromJson("""{"province": "ชลบุรี", "aliases": ["ชบ"], "districts": [{"name": "บ่อทอง", "subdistricts": ["บ่อทอง"], "shortNames": ["บ่อ"]}]}""");

        Assert.Equal("บ่อทอง", gazetteer.FindDistrict("บ่อ"));
        Assert.Equal("ชลบุรี", gazetteer.NormaliseProvince("ชบ."));
    }
}
