using LineBot.Tests.Infrastructure;
using WireMock.Server;

namespace LineBot.Tests.Line;

/// <summary>Issue 2's leftover: a join to a group outside Bot:GroupIds makes the bot leave it.</summary>
public sealed class LeaveGroupTests
{
    private const int NotAllowed = 2003;
    private const int LeftGroup = 2012;
    private const int LeaveFailed = 2013;
    private const int Processed = 2009;

    private static Dictionary<string, string?> Settings(WireMockServer line) => new()
    {
        ["Bot:GroupIds:0"] = "Callowed",
        ["Line:ChannelAccessToken"] = LineMock.Token,
        ["Line:ApiBaseUrl"] = line.Url + "/api",
        ["Line:DataApiBaseUrl"] = line.Url + "/data",
        ["Line:Http:RetryBaseDelay"] = "00:00:00.010",
    };

    [Fact]
    public async Task JoinToGroupNotAllowed_LeavesIt_OnlyThatGroup()
    {
        using var line = WireMockServer.Start();
        line.Answer("POST", "/api/v2/bot/group/Cstranger/leave", Http.Json(200, "{}"));
        await using var bot = await BotHost.StartAsync(Settings(line));

        await bot.PostWebhookAsync(WebhookBuilder.Body(
            WebhookBuilder.Event("join", "Cstranger", null),
            WebhookBuilder.TextEvent("สวัสดี", groupId: "Cother"),
            WebhookBuilder.Event("join", "Callowed", null)));

        await bot.WaitForAsync(l => l.Count(LeftGroup) == 1 && l.Count(NotAllowed) == 2 && l.Count(Processed) == 1);
        var leave = Assert.Single(line.LogEntries);
        Assert.Equal("POST", leave.RequestMessage.Method);
        Assert.Equal("/api/v2/bot/group/Cstranger/leave", leave.RequestMessage.Path);
        Assert.Equal("Bearer " + LineMock.Token, leave.RequestMessage.Headers!["Authorization"].ToString());
    }

    [Fact]
    public async Task JoinToGroupNotAllowed_LeaveFails_LoggedNotPoisoned()
    {
        using var line = WireMockServer.Start();
        line.Answer("POST", "/api/v2/bot/group/Cstranger/leave", Http.Error(500, "Internal server error"));
        await using var bot = await BotHost.StartAsync(Settings(line));

        await bot.PostWebhookAsync(WebhookBuilder.Body(WebhookBuilder.Event("join", "Cstranger", null)));

        await bot.WaitForAsync(l => l.Count(LeaveFailed) == 1);
        Assert.Equal(4, line.LogEntries.Count()); // first attempt + 3 retries
        Assert.Equal(0, bot.Logs.Count(2007)); // no failed queue attempt
        Assert.Equal(0, bot.Logs.Count(2008)); // nothing poisoned
    }
}
