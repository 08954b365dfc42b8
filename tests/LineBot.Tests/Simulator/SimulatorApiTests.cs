using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LineBot.LineStandIn;
using LineBot.Simulator;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Simulator;

/// <summary>The simulator API in the real serve app: each action is a signed webhook the bot accepts and processes.</summary>
public sealed class SimulatorApiTests
{
    private const int Processed = 2009;

    [Fact]
    public async Task SendText_PostsSignedWebhook_Accepted200_AndEventProcessed()
    {
        await using var bot = await BotHost.StartAsync();
        var member = await FirstMemberAsync(bot);

        var sent = await PostAsync(bot, "simulator/api/messages", new JsonObject { ["userId"] = member, ["text"] = "ทดสอบรายงาน" });

        Assert.True(200 == sent["status"]!.GetValue<int>(), string.Join('\n', bot.Logs.Entries.Select(e => e.Message)));
        var eventId = sent["eventIds"]![0]!.GetValue<string>();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", eventId);
        await WaitDoneAsync(bot, eventId);
        var processed = await bot.Storage.Tables.GetTableClient(bot.Names.ProcessedEventsTable).GetEntityAsync<TableEntity>(eventId, eventId);
        Assert.Equal("done", processed.Value.GetString("State"));
        var timeline = await TimelineAsync(bot);
        Assert.Contains(timeline, i => i!["kind"]!.GetValue<string>() == "user" && i["text"]!.GetValue<string>() == "ทดสอบรายงาน");
    }

    [Fact]
    public async Task Photos_Several_OneImageSetAndContentServedFromStandIn()
    {
        await using var bot = await BotHost.StartAsync();
        var member = await FirstMemberAsync(bot);
        using var form = new MultipartFormDataContent { { new StringContent(member), "userId" } };
        form.Add(Image([1, 2, 3]), "files", "a.png");
        form.Add(Image([4, 5]), "files", "b.png");

        var response = await bot.Http.PostAsync("simulator/api/photos", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, sent["status"]!.GetValue<int>());
        var ids = sent["messageIds"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal([4, 5], await bot.Http.GetByteArrayAsync($"_line/v2/bot/message/{ids[1]}/content"));
        foreach (var id in sent["eventIds"]!.AsArray())
        {
            await WaitDoneAsync(bot, id!.GetValue<string>());
        }

        var entry = (await TimelineAsync(bot)).Single(i => i!["type"]?.GetValue<string>() == "image");
        Assert.Equal(2, entry!["images"]!.AsArray().Count);
    }

    [Fact]
    public async Task EditAndUnsend_SendMessageEditedAndUnsendEvents_Processed()
    {
        await using var bot = await BotHost.StartAsync();
        var member = await FirstMemberAsync(bot);
        var sent = await PostAsync(bot, "simulator/api/messages", new JsonObject { ["userId"] = member, ["text"] = "ปลูกหญ้าแฝก 200 ต้น" });
        var id = sent["messageId"]!.GetValue<string>();

        var edited = await PostAsync(bot, $"simulator/api/messages/{id}/edit", new JsonObject { ["text"] = "ปลูกหญ้าแฝก 250 ต้น" });
        var unsent = await PostAsync(bot, $"simulator/api/messages/{id}/unsend", null);

        Assert.Equal(200, edited["status"]!.GetValue<int>());
        Assert.Equal(200, unsent["status"]!.GetValue<int>());
        await WaitDoneAsync(bot, edited["eventIds"]![0]!.GetValue<string>());
        await WaitDoneAsync(bot, unsent["eventIds"]![0]!.GetValue<string>());
        var entry = (await TimelineAsync(bot)).Single(i => i!["messageId"]?.GetValue<string>() == id);
        Assert.True(entry!["edited"]!.GetValue<bool>());
        Assert.True(entry["unsent"]!.GetValue<bool>());
        Assert.Equal("ปลูกหญ้าแฝก 250 ต้น", entry["text"]!.GetValue<string>());
        var again = await bot.Http.PostAsync($"simulator/api/messages/{id}/unsend", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Clock_Jump_IsTheAppsTimeProvider()
    {
        await using var bot = await BotHost.StartAsync();
        var before = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        var result = await PostAsync(bot, "simulator/api/clock", new JsonObject { ["set"] = "2030-01-07T08:00:00+07:00" });

        Assert.IsType<SimulatorClock>(bot.Services.GetRequiredService<TimeProvider>());
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.InRange(now, new DateTimeOffset(2030, 1, 7, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 7, 1, 1, 0, TimeSpan.Zero));
        Assert.True(now > before);
        Assert.StartsWith("2030-01-07T08:00", result["local"]!.GetValue<string>());
    }

    [Fact]
    public async Task Job_Unknown_Returns404AndSaysSo()
    {
        await using var bot = await BotHost.StartAsync();

        var response = await bot.Http.PostAsync("simulator/api/jobs/payroll", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await TimelineAsync(bot), i => i!["kind"]!.GetValue<string>() == "note" && i["text"]!.GetValue<string>().Contains("unknown job", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Job_Real_RunsTheJobRunnerAtSimulatorTime()
    {
        await using var bot = await BotHost.StartAsync();
        await PostAsync(bot, "simulator/api/clock", new JsonObject { ["set"] = "2030-01-11T15:00:00+07:00" });

        var result = await PostAsync(bot, "simulator/api/jobs/reminder", null);

        Assert.True(result["available"]!.GetValue<bool>());
        Assert.True(result["succeeded"]!.GetValue<bool>(), result.ToJsonString());
        Assert.StartsWith("reminder:", result["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_WithRunner_RunsAtSimulatorTime_AndItsPushShowsInTimeline()
    {
        var jobs = new RecordingJobs();
        await using var bot = await BotHost.StartAsync(configure: b => b.Services.AddSingleton<ISimulatorJobs>(jobs));
        jobs.Bot = bot;
        await PostAsync(bot, "simulator/api/clock", new JsonObject { ["set"] = "2030-01-07T08:00:00+07:00" });

        var result = await PostAsync(bot, "simulator/api/jobs/digest", null);

        Assert.True(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("digest", jobs.Ran);
        Assert.Equal(new DateOnly(2030, 1, 7), DateOnly.FromDateTime(jobs.At.ToOffset(TimeSpan.FromHours(7)).DateTime));
        var push = (await TimelineAsync(bot)).Single(i => i!["kind"]!.GetValue<string>() == "push");
        Assert.Equal("@สมชาย ใจดี สรุปประจำสัปดาห์", push!["messages"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AccessTokenSet_NoStandInNoSimulator()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Line:ChannelAccessToken"] = "real-token-xyz" });

        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.GetAsync("simulator")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.GetAsync("simulator/api/state")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.GetAsync("_line/v2/bot/info")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.PostAsync("_line/v2/bot/message/push", new StringContent("{}"))).StatusCode);
        Assert.Null(bot.Services.GetService<StandInState>());
        Assert.IsNotType<SimulatorClock>(bot.Services.GetRequiredService<TimeProvider>());
        Assert.DoesNotContain(SimulatorSession.AdminUserId, bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LineBot.Configuration.BotOptions>>().Value.AdminUserIds);
    }

    [Fact]
    public async Task LocalMode_PageAndStandInMapped_AddressPointsAtOwnServer()
    {
        await using var bot = await BotHost.StartAsync();

        var page = await bot.Http.GetAsync("simulator");
        var info = await bot.Http.GetAsync("_line/v2/bot/info");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("แชตจำลอง", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Contains(SimulatorSession.AdminUserId, bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LineBot.Configuration.BotOptions>>().Value.AdminUserIds);
        var address = bot.Services.GetRequiredService<LocalLineAddress>();
        Assert.Equal(new Uri(bot.BaseAddress, "/_line/"), address.LineBase);
    }

    [Fact]
    public async Task Post_FromAnotherOrigin_Refused403_SameOriginAccepted()
    {
        await using var bot = await BotHost.StartAsync();
        var member = await FirstMemberAsync(bot);
        HttpRequestMessage Request(string origin) => new(HttpMethod.Post, "simulator/api/messages")
        {
            Content = new StringContent(new JsonObject { ["userId"] = member, ["text"] = "x" }.ToJsonString(), Encoding.UTF8, "application/json"),
            Headers = { { "Origin", origin } },
        };

        var foreign = await bot.Http.SendAsync(Request("http://evil.example"));
        var own = await bot.Http.SendAsync(Request(bot.BaseAddress.GetLeftPart(UriPartial.Authority)));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single(await TimelineAsync(bot), i => i!["kind"]!.GetValue<string>() == "user");
    }

    private static ByteArrayContent Image(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("image/png");
        return content;
    }

    internal static async Task<string> FirstMemberAsync(BotHost bot)
    {
        var state = await bot.Http.GetFromJsonAsync<JsonObject>("simulator/api/state");
        return state!["members"]![0]!["userId"]!.GetValue<string>();
    }

    internal static async Task<JsonArray> TimelineAsync(BotHost bot) =>
        JsonNode.Parse(await bot.Http.GetStringAsync("simulator/api/timeline"))!.AsArray();

    internal static async Task WaitDoneAsync(BotHost bot, string eventId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await bot.Http.GetFromJsonAsync<JsonObject>($"simulator/api/events/{eventId}"))!["done"]!.GetValue<bool>() is false)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"event {eventId} not processed; logs:\n" + string.Join('\n', bot.Logs.Entries.Select(e => e.Message)));
            await Task.Delay(50);
        }
    }

    private static async Task<JsonObject> PostAsync(BotHost bot, string path, JsonObject? body)
    {
        var response = await bot.Http.PostAsync(path, new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Stands for the jobs feature at the seam: pushes a textV2 with a mention through the stand-in, like a digest would.</summary>
    private sealed class RecordingJobs : ISimulatorJobs
    {
        public BotHost? Bot { get; set; }
        public string? Ran { get; private set; }
        public DateTimeOffset At { get; private set; }
        public IReadOnlyList<string> Names => ["reminder", "digest", "monthly"];

        public async Task<SimulatorJobResult> RunAsync(string name, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Ran = name;
            At = at;
            var session = Bot!.Services.GetRequiredService<SimulatorSession>();
            var push = new JsonObject
            {
                ["to"] = session.GroupId,
                ["messages"] = new JsonArray(new JsonObject
                {
                    ["type"] = "textV2",
                    ["text"] = "{who} สรุปประจำสัปดาห์",
                    ["substitution"] = new JsonObject { ["who"] = new JsonObject { ["type"] = "mention", ["mentionee"] = new JsonObject { ["type"] = "user", ["userId"] = session.Members[0].UserId } } },
                }),
            };
            var response = await Bot.Http.PostAsync("_line/v2/bot/message/push", new StringContent(push.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
            return new SimulatorJobResult(response.IsSuccessStatusCode, "ส่งสรุปแล้ว");
        }
    }
}
