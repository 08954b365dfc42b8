using LineBot.Commands;
using LineBot.Reporters;
using LineBot.Tests.Commands;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using LineBot.Tests.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.RichMenus;

/// <summary>
/// When a person's role becomes known the bot links their role's menu (through the role's alias), after storing
/// the record; LINE failing there loses nothing and fails no event.
/// </summary>
public sealed class RichMenuLinkTests
{
    private const int LinkFailed = 3303;
    private const int QueueFailure = 2007;

    [Fact]
    public async Task Registration_LinksTheReportersMenu()
    {
        await using var bot = await ReportBot.StartAsync();
        AnswerAlias(bot.Line, "linebot-reporter", "richmenu-r");
        bot.Line.Server.Answer("POST", "/api/v2/bot/user/Ureg/richmenu/richmenu-r", Http.Json(200, "{}"));

        await bot.SendAsync(ReportBot.Text("/ลงทะเบียน นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า", userId: "Ureg"));

        Assert.Single(bot.Line.ApiRequests("/v2/bot/user/Ureg/richmenu/richmenu-r"));
        Assert.Contains("ลงทะเบียนแล้ว", ReportBot.TextOf(bot.Replies()[0]));
    }

    [Fact]
    public async Task Registration_LinkFails_RegistrationKept_ReplySent_EventNotFailed()
    {
        await using var bot = await ReportBot.StartAsync(new Dictionary<string, string?> { ["Line:Http:MaxRetries"] = "1" });
        AnswerAlias(bot.Line, "linebot-reporter", "richmenu-r");
        bot.Line.Server.Answer("POST", "/api/v2/bot/user/Ureg/richmenu/richmenu-r", Http.Error(500, "Internal server error"));

        await bot.SendAsync(ReportBot.Text("/ลงทะเบียน นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า", userId: "Ureg"));

        var stored = await bot.Reporters.FindByUserIdAsync("Ureg", default);
        Assert.Equal("นางสมศรี มีสุข", stored!.Name);
        Assert.Single(bot.Replies());
        Assert.Equal(1, bot.Bot.Logs.Count(LinkFailed));
        Assert.Equal(0, bot.Bot.Logs.Count(QueueFailure));
    }

    [Fact]
    public async Task Registration_NoMenusYet_NothingLinked_RegistrationKept()
    {
        await using var bot = await ReportBot.StartAsync();
        bot.Line.Server.Answer("GET", "/api/v2/bot/richmenu/alias/linebot-reporter", Http.Error(404, "richmenu alias not found"));

        await bot.SendAsync(ReportBot.Text("/ลงทะเบียน นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า", userId: "Ureg"));

        Assert.NotNull(await bot.Reporters.FindByUserIdAsync("Ureg", default));
        Assert.Empty(bot.Line.ApiRequests("/v2/bot/user/Ureg/richmenu/richmenu-r"));
    }

    [Fact]
    public async Task Follow_AdminByConfiguration_LinksTheAdminsMenu()
    {
        await using var bot = await ReportBot.StartAsync();
        AnswerAlias(bot.Line, "linebot-admin", "richmenu-a");
        bot.Line.Server.Answer("POST", $"/api/v2/bot/user/{ReportBot.Admin}/richmenu/richmenu-a", Http.Json(200, "{}"));

        await bot.SendAsync(Follow(ReportBot.Admin));

        Assert.Single(bot.Line.ApiRequests($"/v2/bot/user/{ReportBot.Admin}/richmenu/richmenu-a"));
    }

    [Fact]
    public async Task OfficerAppointed_LinksTheOfficersMenu()
    {
        // Through the webhook: the command's reply goes first, the menu is linked after it.
        await using var bot = await ReportBot.StartAsync();
        await bot.Reporters.SaveAsync(new Reporter { Id = "Ua", Name = "นายเอ ทดสอบ", UserId = "Ua", District = "บางคล้า" }, CancellationToken.None);
        AnswerAlias(bot.Line, "linebot-officer", "richmenu-o");
        bot.Line.Server.Answer("POST", "/api/v2/bot/user/Uc/richmenu/richmenu-o", Http.Json(200, "{}"));
        const string text = "/เจ้าหน้าที่ @คุณซี อ.บางคล้า";
        var message = ReportBot.Text(text, ReportBot.Admin);
        message["message"]!["mention"] = new System.Text.Json.Nodes.JsonObject
        {
            ["mentionees"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["index"] = text.IndexOf('@', StringComparison.Ordinal),
                ["length"] = "@คุณซี".Length,
                ["type"] = "user",
                ["userId"] = "Uc",
            }),
        };

        await bot.SendAsync(message);
        var reply = ReportBot.TextOf(Assert.Single(bot.Replies()));

        Assert.Contains("เจ้าหน้าที่อำเภอบางคล้า", reply);
        var link = Assert.Single(bot.Line.ApiRequests("/v2/bot/user/Uc/richmenu/richmenu-o"));
        var replied = Assert.Single(bot.Line.ApiRequests("/v2/bot/message/reply"));
        Assert.True(replied.RequestMessage.DateTime <= link.RequestMessage.DateTime, "the reply goes before the link");
        bot.Line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task LinkAll_EveryKnownPersonByRole_AdminsFromConfiguration()
    {
        await using var line = LineMock.Start(new Dictionary<string, string?> { ["Bot:AdminUserIds:0"] = "Uadmin" });
        var store = line.Services.GetRequiredService<ReporterStore>();
        await store.SaveAsync(new Reporter { Id = "Ua", Name = "นายเอ ทดสอบ", UserId = "Ua", District = "บางคล้า" }, CancellationToken.None);
        await store.SaveAsync(new Reporter { Id = "Uo", Name = "นางโอ ทดสอบ", UserId = "Uo", Role = ReporterRole.Officer, OfficerDistrict = "บางคล้า" }, CancellationToken.None);
        await store.SaveAsync(new Reporter { Id = "n-unlinked", Name = "นายไม่มี ไลน์" }, CancellationToken.None);
        AnswerAlias(line, "linebot-reporter", "richmenu-r");
        AnswerAlias(line, "linebot-officer", "richmenu-o");
        AnswerAlias(line, "linebot-admin", "richmenu-a");
        line.Server.Answer("POST", "/api/v2/bot/richmenu/bulk/link", Http.Json(202, "{}"));

        var lines = await line.Services.GetRequiredService<global::LineBot.RichMenus.RichMenuLinker>().LinkAllAsync(dryRun: false, CancellationToken.None);

        var bodies = line.ApiRequests("/v2/bot/richmenu/bulk/link").Select(e => e.RequestMessage.Body!).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.Contains(bodies, b => b.Contains("\"richmenu-r\"", StringComparison.Ordinal) && b.Contains("\"Ua\"", StringComparison.Ordinal) && !b.Contains("\"Uo\"", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("\"richmenu-o\"", StringComparison.Ordinal) && b.Contains("\"Uo\"", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("\"richmenu-a\"", StringComparison.Ordinal) && b.Contains("\"Uadmin\"", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count);
        line.AssertRequestsMatchSpec();
    }

    private static System.Text.Json.Nodes.JsonObject Follow(string userId) =>
        WebhookBuilder.Event("follow", null, userId, ReportBot.Now, extra: new System.Text.Json.Nodes.JsonObject { ["replyToken"] = Guid.NewGuid().ToString("N"), ["follow"] = new System.Text.Json.Nodes.JsonObject { ["isUnblocked"] = false } });

    private static void AnswerAlias(LineMock line, string aliasId, string richMenuId) =>
        line.Server.Answer("GET", $"/api/v2/bot/richmenu/alias/{aliasId}", Http.Json(200, $$"""{"richMenuAliasId":"{{aliasId}}","richMenuId":"{{richMenuId}}"}"""));
}
