using LineBot.Tests.Line;

namespace LineBot.Tests.Messages;

/// <summary>
/// LINE down (500s, an open breaker, hanging calls) delays confirmations, never records: what a reporter sent is
/// stored before any LINE call, and LINE's failures (Polly's included) do not fail the event.
/// </summary>
public sealed class LineUnavailableTests
{
    private const int QueueFailure = 2007;
    private const int ProfileFailed = 8011;

    [Fact]
    public async Task Line500_NewReporter_ReportAndProfileStored_EventNotRetried()
    {
        await using var bot = await ReportBot.StartAsync(new Dictionary<string, string?> { ["Line:Http:MaxRetries"] = "1" });
        bot.Line.Server.ResetMappings();
        bot.Line.Server.Answer("POST", "/api/v2/bot/message/reply", Http.Error(500, "Internal server error"));
        bot.Line.Server.Answer("GET", $"/api/v2/bot/group/{ReportBot.Group}/member/Unew", Http.Error(500, "Internal server error"));

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "นายชัย ใหม่"), userId: "Unew"));

        Assert.NotNull(await bot.Reports.GetAsync("Unew", ReportBot.Today, default));
        var profile = await bot.Reporters.FindByUserIdAsync("Unew", default);
        Assert.Equal("นายชัย ใหม่", profile!.Name);
        Assert.Null(profile.DisplayName);
        Assert.Equal(0, bot.Bot.Logs.Count(QueueFailure));
    }

    [Fact]
    public async Task BreakerOpen_EveryReportStored_PollyExceptionsTolerated()
    {
        await using var bot = await ReportBot.StartAsync(new Dictionary<string, string?>
        {
            ["Line:Http:MaxRetries"] = "0",
            ["Line:Http:BreakerMinimumThroughput"] = "2",
            ["Line:Http:BreakDuration"] = "00:05:00",
        });
        bot.Line.Server.ResetMappings();
        bot.Line.Server.Answer("POST", "/api/v2/bot/message/reply", Http.Error(500, "Internal server error"));
        bot.Line.Server.Answer("GET", $"/api/v2/bot/group/{ReportBot.Group}/member/*", Http.Error(500, "Internal server error"));

        for (var i = 0; i < 5; i++)
        {
            await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "นายชัย ใหม่" + new string('ก', i + 1)), userId: $"Unew{i}"));
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await bot.Reports.GetAsync($"Unew{i}", ReportBot.Today, default));
        }

        Assert.Equal(0, bot.Bot.Logs.Count(QueueFailure));
        Assert.Contains(bot.Bot.Logs.Entries, e => e.EventId == ProfileFailed && e.Message.Contains("BrokenCircuitException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LineHanging_ReportStored_EventNotRetried()
    {
        await using var bot = await ReportBot.StartAsync(new Dictionary<string, string?>
        {
            ["Line:Http:MaxRetries"] = "0",
            ["Line:Http:AttemptTimeout"] = "00:00:00.200",
            ["Line:Http:TotalTimeout"] = "00:00:00.500",
        });
        bot.Line.Server.ResetMappings();
        var hang = WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(3));
        bot.Line.Server.Answer("POST", "/api/v2/bot/message/reply", hang);
        bot.Line.Server.Answer("GET", $"/api/v2/bot/group/{ReportBot.Group}/member/Uslow", hang);

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: "นายช้า มาก"), userId: "Uslow"));

        Assert.NotNull(await bot.Reports.GetAsync("Uslow", ReportBot.Today, default));
        Assert.Equal(0, bot.Bot.Logs.Count(QueueFailure));
    }

    [Fact]
    public async Task PoisonWaiting_ToldToAnAdminInTheirNextReply_Once()
    {
        await using var bot = await ReportBot.StartAsync();
        var poison = await bot.Bot.Storage.QueueAsync(bot.Bot.Names.EventsPoisonQueue);
        await poison.SendMessageAsync("""{"kind":"event","blobName":"claims/lost.json"}""");

        await bot.SendAsync(ReportBot.Text("/ช่วยเหลือ", userId: ReportBot.Admin));
        await bot.SendAsync(ReportBot.Text("/ช่วยเหลือ", userId: ReportBot.Admin));
        await bot.SendAsync(ReportBot.Text("/ช่วยเหลือ", userId: "Ureporter1"));

        var replies = bot.Replies();
        Assert.Contains("linebot events replay-poison", string.Join("\n", replies[0]["messages"]!.AsArray().Select(m => m!["text"]?.GetValue<string>())));
        Assert.All(replies.Skip(1), r => Assert.DoesNotContain("replay-poison", r.ToJsonString(), StringComparison.Ordinal));
    }
}
