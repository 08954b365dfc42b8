using System.Text;
using LineBot.Cli;
using LineBot.Configuration;
using LineBot.Reporters;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Reporters;

public sealed class RosterImportTests
{
    [Theory]
    [InlineData(true, "ชื่อ-สกุล,ประเภทพื้นที่,ตำบล,อำเภอ,เบอร์โทร")]
    [InlineData(false, "name,site type,sub-district,district,phone")]
    public async Task RosterImportCli_CreatesUpdatesAndRejectsWithReasons(bool bom, string header)
    {
        await using var services = CoreServices.Build();
        var prefix = services.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix;
        var store = services.GetRequiredService<ReporterStore>();
        await store.SaveAsync(new Reporter { Id = "Ualready", Name = "นางสมศรี มีสุข", UserId = "Ualready", District = "บางคล้า" }, default);
        var csv = string.Join('\n',
            header,
            "นายสมชาย ใจดี,HLM,บางพระ,อ.เมือง,0812345678",
            "\"น.ส.มาลี ดีงาม\",ศูนย์เรียนรู้,ต.บางสวน,บางคล้า,",
            "สมศรี  มีสุข,CLM,โยธะกา,บางน้ำเปรี้ยว,",
            ",HLM,บางพระ,เมือง,",
            "นายดำ มั่นคง,XYZ,บางพระ,เมือง,",
            "นายแดง ใจกล้า,HLM,บางพระ,อ.ไม่มีจริงเลย,",
            "นายขาว สะอาด,HLM,โยธะกา,เมือง,",
            "นายสมชาย ใจดี,HLM,บางพระ,เมือง,");
        var file = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv, new UTF8Encoding(bom));
        var output = new StringWriter();
        int exit;
        try
        {
            exit = await RosterCommand.RunAsync(["import", file, "--AzureWebJobsStorage", Azurite.ConnectionString, "--Storage:Prefix", prefix, "--Line:ChannelSecret", BotHost.Secret], output);
        }
        finally
        {
            File.Delete(file);
        }

        var text = output.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("created 2, updated 1, rejected 5", text);
        Assert.Contains("line 5: ไม่มีชื่อ", text);
        Assert.Contains("line 6: ประเภทพื้นที่ \"XYZ\"", text);
        Assert.Contains("line 7: ไม่พบอำเภอ", text);
        Assert.Contains("line 8: ไม่พบตำบล \"โยธะกา\" ใน อ.เมืองฉะเชิงเทรา", text);
        Assert.Contains("line 9: ชื่อ นายสมชาย ใจดี ซ้ำ", text);

        var somchai = await store.GetAsync(ReporterStore.NameId("นายสมชาย ใจดี"), default);
        Assert.Equal(("HLM", "บางพระ", "เมืองฉะเชิงเทรา", "0812345678"), (somchai!.SiteType, somchai.Subdistrict, somchai.District, somchai.Phone));
        var malee = await store.FindByNameAsync("นางสาวมาลี ดีงาม", default);
        Assert.Equal(("CLM", "บางคล้า"), (malee!.SiteType, malee.District));
        // The registered reporter keeps their LINE user and ID; the roster updates the site.
        var somsri = await store.FindByUserIdAsync("Ualready", default);
        Assert.Equal(("Ualready", "CLM", "บางน้ำเปรี้ยว", "โยธะกา"), (somsri!.Id, somsri.SiteType, somsri.District, somsri.Subdistrict));
    }

    [Fact]
    public async Task Roster_WithoutVerb_PrintsUsageAndFails() =>
        Assert.Equal(2, await RosterCommand.RunAsync([]));

    [Fact]
    public async Task ImportedRoster_ReportMatchedByNormalisedName()
    {
        await using var bot = await ReportBot.StartAsync();
        var csv = "ชื่อ,ประเภท,ตำบล,อำเภอ\nนายวิชัย รักนา,HLM,บางพระ,เมือง\n";
        var result = await bot.Bot.Services.GetRequiredService<RosterImport>().ImportAsync(new StringReader(csv), default);
        Assert.Equal(1, result.Created);

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "วิชัย รักนา"), userId: null));

        Assert.NotNull(await bot.Reports.GetAsync(ReporterStore.NameId("นายวิชัย รักนา"), ReportBot.Today, default));
        Assert.DoesNotContain("สร้างข้อมูลผู้รายงานใหม่", ReportBot.TextOf(Assert.Single(bot.Replies())));
    }
}
