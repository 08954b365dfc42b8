using LineBot.Configuration;
using LineBot.Reports.Parsing;

namespace LineBot.Tests.Reports.Parsing;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Chachoengsao = ChachoengsaoGazetteer.Create();

    [Fact]
    public void Default_HasElevenDistrictsAndNinetyThreeSubdistricts()
    {
        Assert.Equal(11, Chachoengsao.Districts.Count);
        Assert.Equal(93, Chachoengsao.Districts.Sum(d => d.Subdistricts.Count));
        Assert.Equal("เมืองฉะเชิงเทรา", Chachoengsao.CapitalDistrict);
    }

    [Theory]
    [InlineData("เมือง", "เมืองฉะเชิงเทรา")]
    [InlineData("เมืองฯ", "เมืองฉะเชิงเทรา")]
    [InlineData("เมือง ฉะเชิงเทรา", "เมืองฉะเชิงเทรา")]
    [InlineData("บาง\u200bน้ำเปรี้ยว", "บางน้ำเปรี้ยว")]
    [InlineData("บางน้ำเปรียว", "บางน้ำเปรี้ยว")]
    [InlineData("พนมสารคม", "พนมสารคาม")]
    [InlineData("ราชสาสน", "ราชสาส์น")]
    [InlineData("บ้านโพธ์", "บ้านโพธิ์")]
    [InlineData("ชลบุรี", null)]
    public void FindDistrict_ToleratesSpacingAndOneSlip(string written, string? expected) =>
        Assert.Equal(expected, Chachoengsao.FindDistrict(written));

    [Theory]
    [InlineData("บางพระ", "บางพระ")]
    [InlineData("คลองจุกกระเชอ", "คลองจุกกระเฌอ")]
    [InlineData("บางวัว", "บางวัว")]
    [InlineData("บางวา", "บางคา")]
    [InlineData("หนองบาว", null)] // one letter from หนองบัว and from หนองยาว: ambiguous, so no guess
    [InlineData("บางพรง", null)] // บางพระ or บางโรง
    [InlineData("บาง", null)] // too short to guess
    public void FindSubdistrict_MisspellingOnlyWhenUnambiguous(string written, string? expected) =>
        Assert.Equal(expected, Chachoengsao.FindSubdistrict(written));

    [Fact]
    public void Load_JsonFile_ForAnotherProvince()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gazetteer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "province": "นครนายก", "districts": [
              { "name": "เมืองนครนายก", "subdistricts": ["นครนายก", "ท่าช้าง", "บ้านใหญ่"] },
              { "name": "องครักษ์", "subdistricts": ["องครักษ์", "บางสมบูรณ์"] } ] }
            """);
        try
        {
            var parser = ReportParser.Create(new BotOptions { Province = "นครนายก", GazetteerPath = path });
            var result = parser.Parse("รายงานประจำวัน\nวันที่ 24 พ.ย. 69\nพื้นที่ HLM ต.ท่าช้าง อ.เมือง\nกิจกรรม ปลูกผัก", new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(7)));

            Assert.Equal("นครนายก", result.Province);
            Assert.Equal("เมืองนครนายก", result.District);
            Assert.Equal("ท่าช้าง", result.Subdistrict);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_CsvFile_WithHeaderAndBom()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gazetteer-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "\uFEFFprovince,district,subdistrict\nนครนายก,เมืองนครนายก,ท่าช้าง\nนครนายก,องครักษ์,บางสมบูรณ์\nนครนายก,องครักษ์,องครักษ์\n");
        try
        {
            var gazetteer = GazetteerLoader.Load("นครนายก", path);

            Assert.Equal(2, gazetteer.Districts.Count);
            Assert.Equal("องครักษ์", gazetteer.DistrictOf("บางสมบูรณ์"));
            Assert.Equal("เมืองนครนายก", gazetteer.FindDistrict("เมือง"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_FileForAnotherProvince_IsRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gazetteer-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "นครนายก,เมืองนครนายก,ท่าช้าง\n");
        try
        {
            Assert.Throws<InvalidOperationException>(() => GazetteerLoader.Load("ฉะเชิงเทรา", path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_ProvinceWithoutGazetteer_KeepsNamesAsWrittenWithoutWarnings()
    {
        var parser = ReportParser.Create(new BotOptions { Province = "ลำปาง" });

        var result = parser.Parse("วันที่ 24 พ.ย. 69\nพื้นที่ HLM ต.ทุ่งฝาย อ.เมืองลำปาง\nกิจกรรม ปลูกผัก\nชื่อ นายก ข\nผู้รับรอง นายค ง", new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(7)));

        Assert.Equal("ลำปาง", result.Province);
        Assert.Equal("เมืองลำปาง", result.District);
        Assert.Equal("ทุ่งฝาย", result.Subdistrict);
        Assert.Empty(result.Warnings);
    }
}
