using System.Text.Json.Nodes;
using LineBot.Digests;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Messages;

namespace LineBot.Tests.Native;

/// <summary>
/// End to end over the real app and a recording LINE stand-in (every request checked against LINE's spec on
/// dispose): quick replies, postback buttons run as commands with the presser's role, greetings once per event,
/// the location acknowledgement and the template filled for the sender.
/// </summary>
public sealed class LineNativeTests
{
    private const string Officer = "Uofficer000000000000000000000001";

    [Fact]
    public async Task ReportConfirmation_HasCameraLibraryLocationAndMyWeekQuickReplies()
    {
        await using var bot = await ReportBot.StartAsync();

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today)));

        var items = QuickReplyItems(Assert.Single(bot.Replies()), 0);
        Assert.Equal(["camera", "cameraRoll", "location", "postback"], items.Select(i => i["action"]!["type"]!.GetValue<string>()));
        Assert.Equal("/ของฉัน", items[3]["action"]!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReportWithErrors_QuickReplyGivesTheTemplateFilledForTheSender()
    {
        await using var bot = await ReportBot.StartAsync();
        var text = $"รายงานการปฏิบัติงานประจำวัน\nวันที่ {ReportBot.Today.Day}/{ReportBot.Today.Month}/{ReportBot.Today.Year + 543}\nชื่อ: นายมานะ ขยันยิ่ง\nพื้นที่: CLM ต.บางพระ อ.เมือง\n";
        await bot.SendAsync(ReportBot.Text(text));

        var button = QuickReplyItems(Assert.Single(bot.Replies()), 1)[0]["action"]!;
        Assert.Equal("postback", button["type"]!.GetValue<string>());
        await bot.SendAsync(Postback(button["data"]!.GetValue<string>(), "Ureporter1"));

        var template = ReportBot.TextOf(bot.Replies()[1], 1);
        Assert.Contains("ชื่อ: นายมานะ ขยันยิ่ง", template);
        Assert.Contains("พื้นที่: CLM ต.บางพระ อ.เมืองฉะเชิงเทรา", template);
        Assert.Contains("วันที่: " + LineBot.Calendar.ThaiDates.Short(ReportBot.Today), template);
        Assert.DoesNotContain("นายสมชาย", template);
        Assert.NotEqual(ReportReplies.Template, template);
    }

    [Fact]
    public async Task DigestButton_PressedByOfficerAnswers_PressedByFieldWorkerIsRefused()
    {
        await using var bot = await ReportBot.StartAsync();
        await bot.Reporters.SaveAsync(new Reporter { Id = "officer1", Name = "นางสาวใจ ดีมาก", UserId = Officer, Role = ReporterRole.Officer, OfficerDistrict = "เมืองฉะเชิงเทรา" }, default);
        var footer = DigestButtons.Footer("เมืองฉะเชิงเทรา", ReportBot.Today.AddDays(-(((int)ReportBot.Today.DayOfWeek + 6) % 7)));
        var missing = footer["contents"]![0]!["action"]!["data"]!.GetValue<string>();
        Assert.Equal("/ยังไม่ส่ง อ.เมืองฉะเชิงเทรา", missing);

        await bot.SendAsync(Postback(missing, Officer));
        await bot.SendAsync(Postback(missing, "Ureporter9"));

        var replies = bot.Replies();
        Assert.Equal(2, replies.Count);
        Assert.Contains("เมืองฉะเชิงเทรา", ReportBot.TextOf(replies[0]));
        Assert.DoesNotContain(LineBot.Commands.CommandReplies.Refused, ReportBot.TextOf(replies[0]));
        Assert.Equal(LineBot.Commands.CommandReplies.Refused, ReportBot.TextOf(replies[1]));
        Assert.Contains(QuickReplyItems(replies[0], 0), i => i["action"]!["data"]?.GetValue<string>() == "/ส่งออก");
    }

    [Fact]
    public async Task DigestButtons_SummaryAndExport_RunForAnOfficer()
    {
        await using var bot = await ReportBot.StartAsync();
        await bot.Reporters.SaveAsync(new Reporter { Id = "officer1", Name = "นางสาวใจ ดีมาก", UserId = Officer, Role = ReporterRole.Officer, OfficerDistrict = "เมืองฉะเชิงเทรา" }, default);
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today)));
        var footer = DigestButtons.Footer("เมืองฉะเชิงเทรา", ReportBot.Today);

        await bot.SendAsync(Postback(footer["contents"]![1]!["action"]!["data"]!.GetValue<string>(), Officer));
        await bot.SendAsync(Postback(footer["contents"]![2]!["action"]!["data"]!.GetValue<string>(), Officer));

        var replies = bot.Replies();
        Assert.Equal(3, replies.Count);
        Assert.Contains("เมืองฉะเชิงเทรา", replies[1].ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains("ไฟล์รายงาน", ReportBot.TextOf(replies[2]));
        Assert.Contains("อำเภอเมืองฉะเชิงเทรา", ReportBot.TextOf(replies[2]));
        // The link is percent-encoded (the export's name is Thai): chat apps link ASCII URLs whole.
        var link = ReportBot.TextOf(replies[2]).Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal));
        Assert.True(link.All(char.IsAscii), link);
        Assert.Contains("%E0%B8", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostbackWithoutACommand_IsIgnored()
    {
        await using var bot = await ReportBot.StartAsync();

        await bot.SendAsync(Postback("action=buy&item=1", "Ureporter1"));

        Assert.Empty(bot.Replies());
    }

    [Fact]
    public async Task Join_GreetsOnce_EvenWhenRedelivered()
    {
        await using var bot = await ReportBot.StartAsync();
        var join = WebhookBuilder.Event("join", ReportBot.Group, null, ReportBot.Now, extra: new JsonObject { ["replyToken"] = Guid.NewGuid().ToString("N") });
        var redelivered = (JsonObject)join.DeepClone();
        redelivered["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };

        await bot.SendAsync(join);
        await bot.Bot.PostWebhookAsync(WebhookBuilder.Body(redelivered));
        await bot.Bot.WaitForAsync(l => l.Count(2004) >= 1); // the worker saw the redelivery and dropped it

        var reply = Assert.Single(bot.Replies());
        var text = ReportBot.TextOf(reply);
        Assert.Contains("/ลงทะเบียน นายสมชาย ใจดี HLM ต.บางพระ อ.เมือง", text);
        Assert.Contains("/ช่วยเหลือ รายงาน", text);
        Assert.NotEmpty(QuickReplyItems(reply, 0));
    }

    [Theory]
    [InlineData(ReportBot.Admin, "ผู้ดูแลระบบ", true)]
    [InlineData(Officer, "เจ้าหน้าที่อำเภอเมืองฉะเชิงเทรา", true)]
    [InlineData("Ureporter1", "/ของฉัน", true)]
    public async Task Follow_SaysWhatThisPersonCanDo(string userId, string expected, bool quickReplies)
    {
        await using var bot = await ReportBot.StartAsync();
        await bot.Reporters.SaveAsync(new Reporter { Id = "officer1", Name = "นางสาวใจ ดีมาก", UserId = Officer, Role = ReporterRole.Officer, OfficerDistrict = "เมืองฉะเชิงเทรา" }, default);
        await bot.Reporters.SaveAsync(new Reporter { Id = "reporter1", Name = "นายมานะ ขยันยิ่ง", UserId = "Ureporter1", District = "เมืองฉะเชิงเทรา" }, default);

        await bot.SendAsync(WebhookBuilder.Event("follow", null, userId, ReportBot.Now, extra: new JsonObject { ["replyToken"] = Guid.NewGuid().ToString("N"), ["follow"] = new JsonObject { ["isUnblocked"] = false } }));

        var reply = Assert.Single(bot.Replies());
        Assert.Contains(expected, ReportBot.TextOf(reply));
        Assert.Equal(quickReplies, reply["messages"]![0]!["quickReply"] is not null);
    }

    [Fact]
    public async Task Location_AcknowledgedOnceWithWhatItWasAttachedTo()
    {
        await using var bot = await ReportBot.StartAsync();
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today)));

        await bot.SendAsync(WebhookBuilder.Event("message", ReportBot.Group, "Ureporter1", ReportBot.Now, extra: new JsonObject
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["message"] = new JsonObject { ["type"] = "location", ["id"] = "77001", ["title"] = "แปลงนายสมชาย", ["latitude"] = 13.69, ["longitude"] = 101.07 },
        }));

        var replies = bot.Replies();
        Assert.Equal(2, replies.Count);
        var text = ReportBot.TextOf(replies[1]);
        Assert.Contains("แปลงนายสมชาย", text);
        Assert.Contains("บันทึกกับรายงานวันที่ " + LineBot.Calendar.ThaiDates.Short(ReportBot.Today), text);
    }

    private static JsonObject Postback(string data, string userId) =>
        WebhookBuilder.Event("postback", ReportBot.Group, userId, ReportBot.Now, extra: new JsonObject
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["postback"] = new JsonObject { ["data"] = data },
        });

    private static List<JsonObject> QuickReplyItems(JsonObject reply, int message) =>
        [.. reply["messages"]![message]!["quickReply"]!["items"]!.AsArray().Select(i => i!.AsObject())];
}
