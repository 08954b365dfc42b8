using System.Text.Json.Nodes;
using LineBot.LineStandIn;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Messages;

/// <summary>
/// Someone the bot does not know, one-to-one, end to end (webhook in, local LINE stand-in out, Azurite): adding the
/// bot earns one polite greeting per event, a tried command one polite answer a day; chatter nothing; no data ever.
/// </summary>
public sealed class StrangerTests
{
    private const string Stranger = "U0123456789abcdef0123456789abcdef";
    private const int UnknownUser = 2014;
    private const int Greeted = 8103;
    private const int AlreadyAnswered = 8105;

    [Fact]
    public async Task Follow_FromStranger_OnePoliteReply_RedeliveryNothingMore()
    {
        await using var bot = await BotHost.StartAsync();
        var standIn = bot.Services.GetRequiredService<StandInState>();
        var follow = Event(standIn, "follow");
        var redelivered = (JsonObject)follow.DeepClone();
        redelivered["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        redelivered["replyToken"] = standIn.IssueReplyToken();

        await SendAsync(bot, follow);
        await bot.WaitForAsync(l => l.Count(Greeted) >= 1);
        await SendAsync(bot, redelivered);
        await bot.WaitForAsync(l => l.Count(AlreadyAnswered) == 1);

        var reply = Assert.Single(Replies(standIn));
        var text = reply["messages"]![0]!["text"]!.GetValue<string>();
        Assert.Contains("บอทรับรายงานประจำวัน โคก หนอง นา โมเดล", text);
        Assert.Contains(ReportReplies.RegistrationExample, text);
        Assert.Contains("แจ้งผู้ดูแลระบบ", text);
        Assert.Empty(LineMessageRules.Check("reply", reply));
        Assert.Equal(2, bot.Logs.Count(UnknownUser));
        Assert.Null(await bot.Services.GetRequiredService<ReporterStore>().FindByUserIdAsync(Stranger, default));
    }

    [Fact]
    public async Task StrangerOneToOne_ChatterUnanswered_CommandAnsweredOnceADay_NoDataServed()
    {
        await using var bot = await BotHost.StartAsync();
        var standIn = bot.Services.GetRequiredService<StandInState>();

        await SendAsync(bot, Event(standIn, "message", "สวัสดีครับ"));
        await bot.WaitForAsync(l => l.Count(UnknownUser) == 1);
        await SendAsync(bot, Event(standIn, "message", "/สถานะ"));
        await bot.WaitForAsync(l => l.Count(Greeted) >= 1);
        await SendAsync(bot, Event(standIn, "message", "/ยังไม่ส่ง"), Event(standIn, "message", "/ลงทะเบียน นายแดง ใจดี HLM ต.บางพระ อ.เมือง"));
        await bot.WaitForAsync(l => l.Count(AlreadyAnswered) == 2);

        var reply = Assert.Single(Replies(standIn));
        var text = reply["messages"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("ขออภัยครับ คำสั่งในแชตนี้ใช้ได้เฉพาะผู้ที่อยู่ในระบบ", text);
        Assert.Contains(ReportReplies.RegistrationExample, text);
        Assert.DoesNotContain("สถานะการส่งรายงาน", text);
        Assert.Equal(4, bot.Logs.Count(UnknownUser));
        // Registration belongs in the province's group: nothing of the stranger's is kept from here.
        Assert.Null(await bot.Services.GetRequiredService<ReporterStore>().FindByUserIdAsync(Stranger, default));
    }

    private static JsonObject Event(StandInState standIn, string type, string? text = null)
    {
        var extra = new JsonObject { ["replyToken"] = standIn.IssueReplyToken() };
        if (text is not null)
        {
            extra["message"] = new JsonObject { ["type"] = "text", ["id"] = WebhookBuilder.NewEventId(), ["text"] = text, ["quoteToken"] = "q" + WebhookBuilder.NewEventId() };
        }

        return WebhookBuilder.Event(type, null, Stranger, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), extra: extra);
    }

    private static async Task SendAsync(BotHost bot, params JsonObject[] events)
    {
        var response = await bot.PostWebhookAsync(WebhookBuilder.Body(events));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static List<JsonObject> Replies(StandInState standIn) => [.. standIn.Recorded().Where(r => r.Kind == "reply").Select(r => r.Body)];
}
