using LineBot.Calendar;
using System.Text.Json.Nodes;
using LineBot.Reports;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Messages;

/// <summary>End to end: signed webhook in → the real serve app → reply captured by the LINE stand-in → storage.</summary>
public sealed class TextMessageTests
{
    private static readonly string BeYear = (ReportBot.Today.Year + 543).ToString();

    [Fact]
    public async Task Report_StoredAndConfirmedWithQuoteBeDateAndCounts()
    {
        await using var bot = await ReportBot.StartAsync();
        var evt = ReportBot.Text(ReportBot.ReportText(ReportBot.Today));

        await bot.SendAsync(evt);

        var reply = Assert.Single(bot.Replies());
        Assert.Equal(evt["replyToken"]!.GetValue<string>(), reply["replyToken"]!.GetValue<string>());
        Assert.Equal(evt["message"]!["quoteToken"]!.GetValue<string>(), reply["messages"]![0]!["quoteToken"]!.GetValue<string>());
        var text = ReportBot.TextOf(reply);
        Assert.Contains("รับรายงานแล้ว", text);
        Assert.Contains(BeYear, text);
        Assert.Contains("กิจกรรม: 2 รายการ", text);
        Assert.Contains("ปัญหา/อุปสรรค: ไม่มี", text);
        Assert.Contains("ยังขาด: ภาพถ่าย", text);
        Assert.DoesNotContain("ผู้รับรอง", text);

        var stored = await bot.Reports.GetAsync("Ureporter1", ReportBot.Today, default);
        Assert.NotNull(stored);
        Assert.Equal(["ขุดคลองไส้ไก่", "ปลูกผักสวนครัว"], stored.Activities);
        Assert.Equal("นายดำ มั่นคง", stored.CertifiedBy);
        Assert.Equal("เมืองฉะเชิงเทรา", stored.District);
        Assert.Equal(evt["message"]!["id"]!.GetValue<string>(), stored.MessageId);
        Assert.Equal(ReportBot.Today, (await bot.Reporters.GetAsync("Ureporter1", default))!.LastReportDate);
        Assert.DoesNotContain(bot.Bot.Logs.Entries, e => e.Message.Contains("ขุดคลองไส้ไก่", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportWithErrors_ErrorReplyWithTemplate_AndKept()
    {
        await using var bot = await ReportBot.StartAsync();
        // No activities: an error.
        var text = $"รายงานการปฏิบัติงานประจำวัน\nวันที่ {ReportBot.Today.Day}/{ReportBot.Today.Month}/{ReportBot.Today.Year + 543}\nชื่อ: นายสมชาย ใจดี\nพื้นที่: HLM ต.บางพระ อ.เมือง\n";

        await bot.SendAsync(ReportBot.Text(text));

        var reply = Assert.Single(bot.Replies());
        Assert.Contains("ไม่พบกิจกรรม", ReportBot.TextOf(reply));
        // The template to copy is filled with what the bot understood of the sender, not a stranger's example.
        var template = ReportBot.TextOf(reply, 1);
        Assert.StartsWith("รายงานการปฏิบัติงานประจำวัน", template);
        Assert.Contains("ชื่อ: นายสมชาย ใจดี", template);
        Assert.Contains($"วันที่: {ThaiDates.Short(ReportBot.Today)}", template);
        var stored = await bot.Reports.GetAsync("Ureporter1", ReportBot.Today, default);
        Assert.NotNull(stored);
        Assert.NotEmpty(stored.Errors);
    }

    [Fact]
    public async Task Chatter_NoReply_NothingStored()
    {
        await using var bot = await ReportBot.StartAsync();

        await bot.SendAsync(ReportBot.Text("ส่งรายงานแล้วครับ"), ReportBot.Text("สวัสดีค่ะ วันนี้ฝนตก"));

        Assert.Empty(bot.Replies());
        Assert.Null(await bot.Reporters.FindByUserIdAsync("Ureporter1", default));
        Assert.Empty(await bot.Reports.ListWeekAsync(ReportBot.Today));
    }

    [Fact]
    public async Task SameDateResend_UpdatedReply_TwoVersions()
    {
        await using var bot = await ReportBot.StartAsync();

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today)));
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, activities: "- ขุดคลอง\n- ปลูกผัก\n- ให้อาหารปลา")));

        var replies = bot.Replies();
        Assert.Equal(2, replies.Count);
        Assert.Contains("อัปเดต", ReportBot.TextOf(replies[1]));
        Assert.Contains("กิจกรรม: 3 รายการ", ReportBot.TextOf(replies[1]));
        Assert.Equal(2, (await bot.Reports.VersionsAsync("Ureporter1", ReportBot.Today, default)).Count);
        Assert.Equal(3, (await bot.Reports.GetAsync("Ureporter1", ReportBot.Today, default))!.Activities.Count);
    }

    [Fact]
    public async Task Edit_UpdatesStoredReport_NoReply()
    {
        await using var bot = await ReportBot.StartAsync();
        var evt = ReportBot.Text(ReportBot.ReportText(ReportBot.Today));
        await bot.SendAsync(evt);

        var edited = WebhookBuilder.Event("messageEdited", ReportBot.Group, "Ureporter1", ReportBot.Now + 1000, extra: new JsonObject
        {
            ["replyToken"] = "r-edit",
            ["message"] = new JsonObject
            {
                ["type"] = "text",
                ["id"] = evt["message"]!["id"]!.DeepClone(),
                ["quoteToken"] = "q-edit",
                ["text"] = ReportBot.ReportText(ReportBot.Today, activities: "- ขุดคลองใหม่"),
            },
        });
        await bot.SendAsync(edited);

        Assert.Single(bot.Replies());
        var stored = await bot.Reports.GetAsync("Ureporter1", ReportBot.Today, default);
        Assert.Equal(["ขุดคลองใหม่"], stored!.Activities);
    }

    [Fact]
    public async Task Unsend_RemovesText_NoReply()
    {
        await using var bot = await ReportBot.StartAsync();
        var evt = ReportBot.Text(ReportBot.ReportText(ReportBot.Today));
        await bot.SendAsync(evt);
        var messageId = evt["message"]!["id"]!.GetValue<string>();

        await bot.SendAsync(WebhookBuilder.Event("unsend", ReportBot.Group, "Ureporter1", ReportBot.Now, extra: new JsonObject { ["unsend"] = new JsonObject { ["messageId"] = messageId } }));

        Assert.Single(bot.Replies());
        Assert.Null(await bot.Reports.GetByMessageAsync(messageId, default));
        Assert.Null(await bot.Reports.GetAsync("Ureporter1", ReportBot.Today, default));
    }

    [Fact]
    public async Task RegistrationThenReport_MatchedToProfile()
    {
        await using var bot = await ReportBot.StartAsync();
        bot.Line.Server.Answer("GET", $"/api/v2/bot/group/{ReportBot.Group}/member/Ureg", Http.Json(200, """{"userId":"Ureg","displayName":"Somsri"}"""));

        await bot.SendAsync(ReportBot.Text("/ลงทะเบียน นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า", userId: "Ureg"));
        // The report names nobody: the sender's profile is enough.
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: ""), userId: "Ureg"));

        var replies = bot.Replies();
        Assert.Equal(2, replies.Count);
        Assert.Contains("ลงทะเบียนแล้ว", ReportBot.TextOf(replies[0]));
        Assert.Contains("ผู้รายงาน: นางสมศรี มีสุข", ReportBot.TextOf(replies[1]));
        Assert.DoesNotContain("สร้างข้อมูลผู้รายงานใหม่", ReportBot.TextOf(replies[1]));
        var report = await bot.Reports.GetAsync("Ureg", ReportBot.Today, default);
        Assert.Equal("นางสมศรี มีสุข", report!.ReporterName);

        // Re-registering updates the same profile.
        await bot.SendAsync(ReportBot.Text("/ลงทะเบียน นางสมศรี มีสุข HLM ต.บางพระ อ.เมือง", userId: "Ureg"));
        Assert.Contains("ปรับปรุง", ReportBot.TextOf(bot.Replies()[2]));
        var profile = await bot.Reporters.FindByUserIdAsync("Ureg", default);
        Assert.Equal(("HLM", "เมืองฉะเชิงเทรา", "บางพระ"), (profile!.SiteType, profile.District, profile.Subdistrict));
    }

    [Fact]
    public async Task RosterEntry_MatchedByNormalisedName_AndLinked()
    {
        await using var bot = await ReportBot.StartAsync();
        await bot.Reporters.SaveAsync(new LineBot.Reporters.Reporter { Id = LineBot.Reporters.ReporterStore.NameId("นายสมชาย ใจดี"), Name = "นายสมชาย ใจดี", District = "เมืองฉะเชิงเทรา" }, default);

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "สมชาย  ใจดี"), userId: "Urostered"));

        var id = LineBot.Reporters.ReporterStore.NameId("นายสมชาย ใจดี");
        Assert.NotNull(await bot.Reports.GetAsync(id, ReportBot.Today, default));
        Assert.Equal(id, (await bot.Reporters.FindByUserIdAsync("Urostered", default))!.Id);
        Assert.DoesNotContain("สร้างข้อมูลผู้รายงานใหม่", ReportBot.TextOf(Assert.Single(bot.Replies())));
    }

    [Fact]
    public async Task UnregisteredSender_ProfileCreated_ReplySaysSo_DisplayNameFetchedOnce()
    {
        await using var bot = await ReportBot.StartAsync();
        var profilePath = $"/v2/bot/group/{ReportBot.Group}/member/Unew";
        bot.Line.Server.Answer("GET", "/api" + profilePath, Http.Json(200, """{"userId":"Unew","displayName":"Chai"}"""));

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "นายชัย ใหม่"), userId: "Unew"));
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today.AddDays(-1), name: "นายชัย ใหม่"), userId: "Unew"));

        Assert.Contains("สร้างข้อมูลผู้รายงานใหม่", ReportBot.TextOf(bot.Replies()[0]));
        Assert.DoesNotContain("สร้างข้อมูลผู้รายงานใหม่", ReportBot.TextOf(bot.Replies()[1]));
        Assert.Single(bot.Line.ApiRequests(profilePath));
        var profile = await bot.Reporters.FindByUserIdAsync("Unew", default);
        Assert.Equal(("นายชัย ใหม่", "Chai", "HLM"), (profile!.Name, profile.DisplayName, profile.SiteType));
    }

    [Fact]
    public async Task GroupEventWithoutUserId_AttributedByName_OrKeptWithPoliteError()
    {
        await using var bot = await ReportBot.StartAsync();

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "นางสาวมาลี ดีงาม"), userId: null));
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: ""), userId: null));

        var id = LineBot.Reporters.ReporterStore.NameId("นางสาวมาลี ดีงาม");
        Assert.NotNull(await bot.Reports.GetAsync(id, ReportBot.Today, default));
        var replies = bot.Replies();
        Assert.Contains("ผู้รายงาน: นางสาวมาลี ดีงาม", ReportBot.TextOf(replies[0]));
        Assert.Contains("ชื่อ: ชื่อ-สกุล", ReportBot.TextOf(replies[1]));
        var kept = Assert.Single(await bot.Reports.ListUndatedAsync(default), r => r.ReporterId == LineBot.Reports.DailyReport.Unattributed);
        Assert.Equal(2, kept.Activities.Count);
        Assert.Contains(ReportReplies.NoReporterError, kept.Errors);
    }

    [Fact]
    public async Task Standby_StoredButNoReply()
    {
        await using var bot = await ReportBot.StartAsync();

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today), mode: "standby"));

        Assert.Empty(bot.Replies());
        Assert.NotNull(await bot.Reports.GetAsync("Ureporter1", ReportBot.Today, default));
    }

    [Fact]
    public async Task StatusCommandByAdmin_Replies_HelpReport_ReturnsTemplate()
    {
        await using var bot = await ReportBot.StartAsync();

        await bot.SendAsync(ReportBot.Text("/สถานะ", userId: ReportBot.Admin));
        await bot.SendAsync(ReportBot.Text("/ช่วยเหลือ รายงาน", userId: "Usomeone"));

        var replies = bot.Replies();
        Assert.Equal(2, replies.Count);
        Assert.NotEqual(CommandRepliesRefused(), ReportBot.TextOf(replies[0]));
        Assert.Equal(ReportReplies.Template, ReportBot.TextOf(replies[1], 1));
    }

    [Fact]
    public async Task MonthlyPlan_StoredAndConfirmed_ResendReplacesKeepingVersions()
    {
        await using var bot = await ReportBot.StartAsync();
        var next = ReportBot.Today.AddMonths(1);
        var plan = $"แผนการปฏิบัติงานประจำเดือน {next.Month}/{next.Year + 543}\nชื่อ นายชาติ กล้าหาญ\n1. ขุดบ่อเพิ่ม\n2. ปลูกไม้ยืนต้น";

        await bot.SendAsync(ReportBot.Text(plan, userId: "Uplan"));
        await bot.SendAsync(ReportBot.Text(plan + "\n3. อบรมทำปุ๋ย", userId: "Uplan"));

        var plans = bot.Bot.Services.GetRequiredService<MonthlyPlanStore>();
        var stored = await plans.GetAsync("Uplan", next.Year, next.Month, default);
        Assert.Equal(3, stored!.Items.Count);
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, Assert.Single(await plans.VersionsAsync("Uplan", next.Year, next.Month, default)).Items.Count); // the earlier one, kept
        Assert.Contains("แผนงาน: 2 รายการ", ReportBot.TextOf(bot.Replies()[0]));
        Assert.Contains("อัปเดต", ReportBot.TextOf(bot.Replies()[1]));
    }

    [Fact]
    public async Task PhotoBeforeReport_ReportReplyCountsIt_PhotoAfterReport_CountReply()
    {
        await using var bot = await ReportBot.StartAsync();
        var first = Image("111000111000111");
        var second = Image("111000111000222");
        bot.Line.Server.Answer("GET", "/data/v2/bot/message/111000111000111/content", Jpeg());
        bot.Line.Server.Answer("GET", "/data/v2/bot/message/111000111000222/content", Jpeg());

        await bot.SendAsync(first);
        Assert.Empty(bot.Replies()); // no report yet: no reply per photo
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today)));
        await bot.SendAsync(second);

        var replies = bot.Replies();
        Assert.Equal(2, replies.Count);
        Assert.Contains("ภาพถ่าย: 1 ภาพ", ReportBot.TextOf(replies[0]));
        Assert.DoesNotContain("ยังขาด: ภาพถ่าย", ReportBot.TextOf(replies[0]));
        Assert.Contains("รวม 2 ภาพ", ReportBot.TextOf(replies[1]));
        Assert.Equal(2, (await bot.Reports.GetAsync("Ureporter1", ReportBot.Today, default))!.PhotoCount);
    }

    [Fact]
    public async Task ImageSetAfterReport_OneCountReply_AfterTheSetIsComplete()
    {
        await using var bot = await ReportBot.StartAsync();
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today)));
        string[] ids = ["222000222000001", "222000222000002", "222000222000003"];
        foreach (var id in ids)
        {
            bot.Line.Server.Answer("GET", $"/data/v2/bot/message/{id}/content", Jpeg());
        }

        // Out of order, one webhook each, as LINE may deliver them.
        await bot.SendAsync(Image(ids[2], ("set1", 3, 3)));
        await bot.SendAsync(Image(ids[0], ("set1", 1, 3)));
        Assert.Single(bot.Replies());
        await bot.SendAsync(Image(ids[1], ("set1", 2, 3)));

        var replies = bot.Replies();
        Assert.Equal(2, replies.Count);
        Assert.Contains("รวม 3 ภาพ", ReportBot.TextOf(replies[1]));
    }

    [Fact]
    public async Task PhotoWithExpiredReplyToken_NoCountReply_NoPush()
    {
        await using var bot = await ReportBot.StartAsync();
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today)));
        bot.Line.Server.Answer("GET", "/data/v2/bot/message/333000333000001/content", Jpeg());
        var late = Image("333000333000001");
        late["timestamp"] = ReportBot.Now - 120_000; // the worker got to it two minutes after LINE sent it

        await bot.SendAsync(late);

        Assert.Single(bot.Replies());
        Assert.Empty(bot.Line.ApiRequests("/v2/bot/message/push"));
        Assert.Equal(1, (await bot.Reports.GetAsync("Ureporter1", ReportBot.Today, default))!.PhotoCount);
    }

    private static string CommandRepliesRefused() => LineBot.Commands.CommandReplies.Refused;

    private static JsonObject Image(string id, (string Id, int Index, int Total)? set = null)
    {
        var message = new JsonObject { ["type"] = "image", ["id"] = id, ["quoteToken"] = "q" + id, ["contentProvider"] = new JsonObject { ["type"] = "line" } };
        if (set is { } s)
        {
            message["imageSet"] = new JsonObject { ["id"] = s.Id, ["index"] = s.Index, ["total"] = s.Total };
        }

        return WebhookBuilder.Event("message", ReportBot.Group, "Ureporter1", ReportBot.Now, extra: new JsonObject
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["message"] = message,
        });
    }

    private static WireMock.ResponseBuilders.IResponseBuilder Jpeg() =>
        WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4]);
}
