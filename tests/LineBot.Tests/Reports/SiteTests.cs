using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Reports.Parsing;

namespace LineBot.Tests.Reports;

/// <summary>The site value: completed part by part from a profile, shown one way in replies, and kept whole on a profile.</summary>
public sealed class SiteTests
{
    [Fact]
    public void Or_FillsOnlyTheMissingParts()
    {
        var written = new Site("HLM", null, null, "บางพระ");
        var profile = new Site("CLM", "ฉะเชิงเทรา", "เมืองฉะเชิงเทรา", "โสธร");

        Assert.Equal(new Site("HLM", "ฉะเชิงเทรา", "เมืองฉะเชิงเทรา", "บางพระ"), written.Or(profile));
        Assert.Equal(profile, default(Site).Or(profile));
    }

    [Fact]
    public void Label_TypeSubdistrictDistrict_LeavingOutWhatIsUnknown()
    {
        Assert.Equal("HLM ต.บางพระ อ.เมือง", new Site("HLM", "ฉะเชิงเทรา", "เมือง", "บางพระ").Label());
        Assert.Equal("อ.เมือง", new Site(null, null, "เมือง", "").Label());
        Assert.Equal("", default(Site).Label());
    }

    [Fact]
    public void Reporter_WithSite_ReplacesTypeDistrictAndSubdistrict_AndKeepsNoProvince()
    {
        var reporter = new Reporter { Id = "U1", Name = "นายสมชาย ใจดี", SiteType = "CLM", District = "บางคล้า", Subdistrict = "ปากน้ำ" };

        var moved = reporter.WithSite(new Site("HLM", "ฉะเชิงเทรา", "เมือง", null));

        Assert.Equal(new Site("HLM", null, "เมือง", null), moved.Site);
        Assert.Equal(reporter.Name, moved.Name);
    }

    [Fact]
    public void ParsedMessage_Site_IsItsFourParts() =>
        Assert.Equal(
            new Site("CLM", "ฉะเชิงเทรา", "บางคล้า", "ปากน้ำ"),
            new ParsedMessage { SiteType = "CLM", Province = "ฉะเชิงเทรา", District = "บางคล้า", Subdistrict = "ปากน้ำ" }.Site);
}
