using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LineBot.Cli;
using LineBot.LineStandIn;
using LineBot.Simulator;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Simulator;

/// <summary>
/// The sample week and everything else the bot says in a week (errors, commands, the digest's buttons and quick
/// replies pressed, greetings in the group and one-to-one, the monthly job): every request LINE receives is valid
/// against its spec and documented limits, and speaks the one configured particle.
/// </summary>
public sealed partial class SampleWeekVoiceTests
{
    [Theory]
    [InlineData("ครับ")]
    [InlineData("ค่ะ")]
    public async Task FullWeek_EveryRequestIsValidAndSpeaksTheConfiguredParticle(string particle)
    {
        var sent = await RunFullWeekAsync(particle);

        // Every reply, push and multicast, against LINE's spec and limits (quick replies and postbacks included).
        Assert.True(sent.Count >= 30, $"{sent.Count} requests");
        var invalid = sent.Select(r => (r.Kind, Errors: LineMessageRules.Check(r.Kind, r.Body))).Where(r => r.Errors.Count > 0)
            .Select(r => r.Kind + ": " + string.Join("; ", r.Errors)).ToList();
        Assert.True(invalid.Count == 0, "Invalid requests:\n" + string.Join("\n", invalid));
        // The week covered what it claims to: quick replies with postbacks, Flex postback buttons, textV2 mentions.
        var messages = sent.SelectMany(r => r.Body["messages"]!.AsArray()).OfType<JsonObject>().ToList();
        Assert.Contains(messages, m => m["quickReply"]?["items"]?.AsArray().Any(i => i?["action"]?["type"]?.GetValue<string>() == "postback") == true);
        Assert.Contains(messages, m => m["type"]!.GetValue<string>() == "flex" && m["contents"]!.ToJsonString().Contains("\"postback\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m["type"]!.GetValue<string>() == "textV2");

        var said = string.Join("\n", messages.SelectMany(Spoken));
        if (particle == "ครับ")
        {
            Assert.Contains("ยินดีต้อนรับครับ", said);
            Assert.DoesNotMatch(FemaleParticle(), said);
        }
        else
        {
            Assert.DoesNotContain("ครับ", said);
            Assert.Contains("ยินดีต้อนรับค่ะ", said);
            Assert.Contains("ขออภัยค่ะ", said);
            Assert.Contains("ขอบคุณค่ะ", said);
            Assert.DoesNotMatch(QuestionWithStatementParticle(), said);
        }
    }

    [Fact]
    public async Task Validator_FailsOnARecordedRequestMadeInvalid()
    {
        await using var bot = await BotHost.StartAsync(SampleWeekTests.NoSchedule);
        var state = await bot.Http.GetFromJsonAsync<JsonObject>("simulator/api/state");
        await WaitAsync(bot, new JsonObject { ["eventIds"] = new JsonArray(state!["joinEventId"]!.GetValue<string>()) });
        var userId = state!["members"]!.AsArray()[0]!["userId"]!.GetValue<string>();
        await SayAsync(bot, userId, "/ช่วยเหลือ");
        var reply = bot.Services.GetRequiredService<StandInState>().Recorded().Last(r => r.Kind == "reply").Body;
        Assert.Empty(LineMessageRules.Check("reply", reply));

        var item = reply["messages"]!.AsArray().Last()!["quickReply"]!["items"]![0]!["action"]!.AsObject();
        item["label"] = new string('ก', 21);
        item["data"] = "/" + new string('ก', 300);

        var errors = LineMessageRules.Check("reply", reply);
        Assert.Contains(errors, e => e.Contains(".label: 1 to 20 characters", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".data: 1 to 300 characters", StringComparison.Ordinal));
        reply["messages"]!.AsArray()[0]!["type"] = "texts";
        Assert.Contains(LineMessageRules.Check("reply", reply), e => e.Contains("'texts' is not one of", StringComparison.Ordinal));
    }

    /// <summary>samples/week.json, then the rest of what the bot says; the requests LINE received, in order.</summary>
    private static async Task<List<StandInRecord>> RunFullWeekAsync(string particle)
    {
        var settings = new Dictionary<string, string?>(SampleWeekTests.NoSchedule) { ["Bot:Particle"] = particle };
        await using var bot = await BotHost.StartAsync(settings);
        var path = Path.Combine(RepoPaths.Root, "samples", "week.json");
        var runner = new SimulateRunner(bot.Http, TextWriter.Null, Path.GetDirectoryName(path)!);
        await runner.RunAsync(ConversationScript.Load(path), CancellationToken.None);
        Assert.Equal(0, runner.Unprocessed);

        var standIn = bot.Services.GetRequiredService<StandInState>();
        var members = bot.Services.GetRequiredService<SimulatorSession>().Members.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last().UserId);
        var worker = members["นายสมชาย ใจดี"];
        var officer = members["นางวันดี พัฒนาชุมชน"];
        var admin = members["นายวิชัย ผู้อำนวยการ"];

        // Errors and help: a report dated in the future, a question about a report, an unknown command.
        await SayAsync(bot, worker, "รายงานการปฏิบัติงานประจำวัน\nวันที่ 9 ธ.ค. 2569\nชื่อ นายสมชาย ใจดี\nพื้นที่ HLM ต.คลองนา อ.เมืองฉะเชิงเทรา\nกิจกรรม ขุดคลองไส้ไก่\nผู้รับรอง นายบุญมี ศรีสุข");
        await SayAsync(bot, worker, "ส่งรายงานแล้วครับ ทำไมบอทไม่ตอบ");
        await SayAsync(bot, worker, "/คำสั่งที่ไม่มี");

        // Commands of each role.
        foreach (var (who, command) in new[] { (worker, "/ช่วยเหลือ"), (worker, "/ช่วยเหลือ รายงาน"), (worker, "/ของฉัน"), (officer, "/ยังไม่ส่ง"), (officer, "/สรุป"), (admin, "/สรุป เดือน"), (admin, "/สถานะ") })
        {
            await SayAsync(bot, who, command);
        }

        // The digest's buttons and the quick replies offered so far, pressed by the officer.
        var buttons = standIn.Recorded().SelectMany(r => r.Body["messages"]!.AsArray()).SelectMany(m => Postbacks(m)).DistinctBy(p => p.Data).ToList();
        Assert.True(buttons.Count >= 3, $"{buttons.Count} buttons");
        foreach (var (data, displayText) in buttons)
        {
            await PressAsync(bot, officer, data, displayText);
        }

        // One-to-one greetings: an admin and a stranger add the bot; the stranger then tries a command.
        await OneToOneAsync(bot, standIn, "follow", admin, null);
        await OneToOneAsync(bot, standIn, "follow", "U" + new string('5', 32), null);
        await OneToOneAsync(bot, standIn, "message", "U" + new string('5', 32), "/สถานะ");

        // The monthly job on the first working day of December; then the week's reminder again: its outbox key (not
        // its words) makes it the same logical push, so nothing new is sent whatever the particle.
        await PostAsync(bot, "simulator/api/clock", new JsonObject { ["set"] = "2026-12-01T08:30:00+07:00" });
        await PostAsync(bot, "simulator/api/jobs/monthly", null);
        await PostAsync(bot, "simulator/api/clock", new JsonObject { ["set"] = "2026-11-27T15:30:00+07:00" });
        var again = await PostAsync(bot, "simulator/api/jobs/reminder", null);
        Assert.Equal("reminder: ส่ง 0 ข้อความ, ส่งไปแล้วก่อนหน้า 1", again["summary"]!.GetValue<string>());

        return [.. standIn.Recorded().Where(r => r.Kind is "reply" or "push" or "multicast")];
    }

    private static async Task SayAsync(BotHost bot, string userId, string text) =>
        await WaitAsync(bot, await PostAsync(bot, "simulator/api/messages", new JsonObject { ["userId"] = userId, ["text"] = text }));

    private static async Task PressAsync(BotHost bot, string userId, string data, string? displayText) =>
        await WaitAsync(bot, await PostAsync(bot, "simulator/api/postbacks", new JsonObject { ["userId"] = userId, ["data"] = data, ["displayText"] = displayText, ["label"] = "ปุ่ม" }));

    /// <summary>
    /// A signed one-to-one event (the simulator is a group chat), at the simulator's time, with a reply token the
    /// stand-in knows; waits for the bot's answer (a stranger's events are not marked done).
    /// </summary>
    private static async Task OneToOneAsync(BotHost bot, StandInState standIn, string type, string userId, string? text)
    {
        var now = bot.Services.GetRequiredService<SimulatorClock>().GetUtcNow().ToUnixTimeMilliseconds();
        var extra = new JsonObject { ["replyToken"] = standIn.IssueReplyToken() };
        if (text is not null)
        {
            extra["message"] = new JsonObject { ["type"] = "text", ["id"] = WebhookBuilder.NewEventId(), ["text"] = text, ["quoteToken"] = "q" + now };
        }

        var before = standIn.Recorded().Count;
        var response = await bot.PostWebhookAsync(WebhookBuilder.Body(WebhookBuilder.Event(type, null, userId, now, extra: extra)));
        response.EnsureSuccessStatusCode();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (standIn.Recorded().Count == before)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"no answer to the {type} of {userId}");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonObject> PostAsync(BotHost bot, string path, JsonObject? body)
    {
        using var response = await bot.Http.PostAsync(path, new StringContent(body?.ToJsonString() ?? "{}", System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    private static async Task WaitAsync(BotHost bot, JsonObject result)
    {
        foreach (var id in (result["eventIds"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while ((await bot.Http.GetFromJsonAsync<JsonObject>($"simulator/api/events/{id}"))?["done"]?.GetValue<bool>() != true)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"event {id} not processed");
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Postback actions in a message: quick reply items and Flex buttons.</summary>
    private static IEnumerable<(string Data, string? DisplayText)> Postbacks(JsonNode? node) => node switch
    {
        JsonObject { } o when o["type"]?.GetValue<string>() == "postback" && o["data"] is JsonValue data =>
            [(data.GetValue<string>(), o["displayText"]?.GetValue<string>())],
        JsonObject o => o.SelectMany(p => Postbacks(p.Value)),
        JsonArray a => a.SelectMany(Postbacks),
        _ => [],
    };

    /// <summary>What the bot says in a message: texts, alt texts and labels (not commands, data or links).</summary>
    private static IEnumerable<string> Spoken(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "altText" or "label" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Spoken(p.Value)),
        JsonArray a => a.SelectMany(Spoken),
        _ => [],
    };

    [GeneratedRegex(@"ค่ะ|(?<![ก-๙])คะ(?![ก-๙])")]
    private static partial Regex FemaleParticle();

    // A question word, then the statement particle in the same clause: a question must end in คะ.
    [GeneratedRegex(@"(ไหม(?!้)|หรือไม่|หรือเปล่า|อะไร|ไหน|เมื่อไร|(?<!เ)กี่|ใช่ไหม)[^\s]*ค่ะ")]
    private static partial Regex QuestionWithStatementParticle();
}
