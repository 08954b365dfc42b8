using System.Text.Json.Nodes;
using LineBot.Reports;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Messages;

/// <summary>
/// End to end over HTTP: a report naming a roster person linked to another LINE user is held as disputed, never
/// filed under that person (nor over the sender's own report), answered politely and shown to admins.
/// </summary>
public sealed class AttributionTests
{
    private const string NameA = "นายสมชาย ใจดี";
    private const string UserA = "Uownera";
    private const string UserB = "Uotherb";

    private static async Task<ReportBot> StartWithAAsync()
    {
        var bot = await ReportBot.StartAsync();
        bot.Line.Server.Answer("GET", $"/api/v2/bot/group/{ReportBot.Group}/member/{UserA}", Http.Json(200, $$"""{"userId":"{{UserA}}","displayName":"Chai A"}"""));
        bot.Line.Server.Answer("GET", $"/api/v2/bot/group/{ReportBot.Group}/member/{UserB}", Http.Json(200, $$"""{"userId":"{{UserB}}","displayName":"Boon B"}"""));
        // A's own report makes A's profile, linked to A's LINE user.
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: NameA, activities: "1. ขุดบ่อของเอ"), userId: UserA));
        Assert.Equal(UserA, (await bot.Reporters.FindByNameAsync(NameA, default))!.UserId);
        return bot;
    }

    [Fact]
    public async Task UnknownSenderWritesAsName_AsReportUntouched_PoliteReply_DisputedForAdmin_ExportHasNoBText()
    {
        await using var bot = await StartWithAAsync();

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: NameA, activities: "1. ข้อความของบีแทรก"), userId: UserB));

        var a = await bot.Reports.GetAsync(UserA, ReportBot.Today, default);
        Assert.Equal(["ขุดบ่อของเอ"], a!.Activities);
        Assert.Equal(1, a.Version);
        Assert.Single(await bot.Reports.VersionsAsync(UserA, ReportBot.Today, default));
        var reply = ReportBot.TextOf(bot.Replies()[1]);
        Assert.DoesNotContain("อัปเดตรายงานแล้ว", reply);
        Assert.Contains("บัญชี LINE ของผู้อื่น", reply);
        Assert.Contains("ขออภัยครับ", reply);
        // Nobody's roster grows from a dispute; the sender is not expected to report now.
        Assert.Null(await bot.Reporters.FindByUserIdAsync(UserB, default));
        Assert.Null(await bot.Reports.GetAsync(UserB, ReportBot.Today, default));
        var disputed = Assert.Single(await bot.Reports.ListDisputedAsync(DateTimeOffset.UnixEpoch, default));
        Assert.Equal((UserB, "Boon B", NameA, ReportBot.Today), (disputed.ReporterId, disputed.ReporterName, disputed.ClaimedName, disputed.Date));
        Assert.Equal(["ข้อความของบีแทรก"], disputed.Activities);

        await bot.SendAsync(ReportBot.Text("/สถานะ", userId: ReportBot.Admin));
        var status = ReportBot.TextOf(bot.Replies()[2]);
        Assert.Contains("ระบุชื่อของผู้อื่น", status);
        Assert.Contains($"ระบุชื่อ {NameA} ส่งโดย Boon B", status);

        await bot.SendAsync(ReportBot.Text("/ส่งออก csv", userId: ReportBot.Admin));
        var link = Assert.Single(ReportBot.TextOf(bot.Replies()[3]).Split('\n'), l => l.StartsWith("http", StringComparison.Ordinal));
        using var http = new HttpClient();
        var csv = await http.GetStringAsync(new Uri(link));
        Assert.Contains("ขุดบ่อของเอ", csv);
        Assert.DoesNotContain("ข้อความของบี", csv);
    }

    [Fact]
    public async Task KnownSenderWritesAsName_NeitherReportChanges_EditToOwnNameFilesIt_PlanRefused()
    {
        await using var bot = await StartWithAAsync();
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "นายบุญ มาก", activities: "1. งานของบีเอง"), userId: UserB));
        var claim = ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "สมชาย  ใจดี", activities: "1. ข้อความของบีแทรก"), userId: UserB);

        await bot.SendAsync(claim);

        Assert.Equal(["ขุดบ่อของเอ"], (await bot.Reports.GetAsync(UserA, ReportBot.Today, default))!.Activities);
        var own = await bot.Reports.GetAsync(UserB, ReportBot.Today, default);
        Assert.Equal(["งานของบีเอง"], own!.Activities);
        Assert.Equal(1, own.Version);
        Assert.Contains("บัญชี LINE ของผู้อื่น", ReportBot.TextOf(bot.Replies()[2]));
        var disputed = Assert.Single(await bot.Reports.ListDisputedAsync(DateTimeOffset.UnixEpoch, default));
        Assert.Equal(("นายบุญ มาก", "สมชาย ใจดี"), (disputed.ReporterName, disputed.ClaimedName));

        // The sender fixes the name by editing the message: now it is B's report of the day, and no longer disputed.
        await bot.SendAsync(WebhookBuilder.Event("messageEdited", ReportBot.Group, UserB, ReportBot.Now + 1000, extra: new JsonObject
        {
            ["replyToken"] = "r-edit",
            ["message"] = new JsonObject
            {
                ["type"] = "text",
                ["id"] = claim["message"]!["id"]!.DeepClone(),
                ["quoteToken"] = "q-edit",
                ["text"] = ReportBot.ReportText(ReportBot.Today, name: "นายบุญ มาก", activities: "1. ข้อความของบีแก้แล้ว"),
            },
        }));

        Assert.Empty(await bot.Reports.ListDisputedAsync(DateTimeOffset.UnixEpoch, default));
        Assert.Equal(["ข้อความของบีแก้แล้ว"], (await bot.Reports.GetAsync(UserB, ReportBot.Today, default))!.Activities);
        Assert.Equal(["ขุดบ่อของเอ"], (await bot.Reports.GetAsync(UserA, ReportBot.Today, default))!.Activities);

        // A monthly plan under A's name replaces nobody's plan either.
        var next = ReportBot.Today.AddMonths(1);
        await bot.SendAsync(ReportBot.Text($"แผนการปฏิบัติงานประจำเดือน {next.Month}/{next.Year + 543}\nชื่อ {NameA}\n1. ขุดบ่อเพิ่ม", userId: UserB));
        Assert.Contains("บัญชี LINE ของผู้อื่น", ReportBot.TextOf(bot.Replies()[^1]));
        Assert.Null(await bot.Bot.Services.GetRequiredService<MonthlyPlanStore>().GetAsync(UserA, next.Year, next.Month, default));
    }

    [Fact]
    public async Task OwnerWritingOwnNameAgain_StillReplacesOwnReport()
    {
        await using var bot = await StartWithAAsync();

        // A writing their own name again (spaces differ) is A's report, replaced as before.
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "สมชาย ใจดี", activities: "1. ขุดบ่อรอบสอง"), userId: UserA));

        Assert.Contains("อัปเดตรายงานแล้ว", ReportBot.TextOf(bot.Replies()[1]));
        Assert.Equal(["ขุดบ่อรอบสอง"], (await bot.Reports.GetAsync(UserA, ReportBot.Today, default))!.Activities);
        Assert.Empty(await bot.Reports.ListDisputedAsync(DateTimeOffset.UnixEpoch, default));
    }
}
