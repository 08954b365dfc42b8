using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LineBot.Tests.Line;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LineBot.Tests.Messages;

/// <summary>
/// <c>serve</c>'s worker handles many messages at once, but one sender's events in one chat one at a time: seen from
/// LINE's side, replies to different reporters overlap and replies to the same reporter never do.
/// </summary>
public sealed class WorkerConcurrencyTests
{
    // 40 senders: more messages than one receive brings (32).
    private static readonly string[] Names =
        [.. from first in new[] { "นายกา", "นายขา", "นายคา", "นายงา", "นายจา" } from last in new[] { "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด" } select $"{first} {last}"];

    [Fact]
    public async Task DifferentSendersInParallel_OneSendersEventsNeverAtOnce()
    {
        await using var bot = await ReportBot.StartAsync(new Dictionary<string, string?> { ["Worker:MaxConcurrency"] = "16" });
        var inFlight = new ConcurrentDictionary<string, int>();
        int total = 0, maxTotal = 0, overlapsOfOneSender = 0;
        bot.Line.Server.ResetMappings();
        bot.Line.Server.Given(Request.Create().WithPath("/api/v2/bot/message/reply").UsingMethod("POST")).RespondWith(Response.Create().WithCallback(async request =>
        {
            var text = JsonNode.Parse(request.Body!)!["messages"]![0]!["text"]!.GetValue<string>();
            var name = Names.FirstOrDefault(n => text.Contains(n, StringComparison.Ordinal)) ?? "?";
            if (inFlight.AddOrUpdate(name, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlapsOfOneSender);
            }

            var now = Interlocked.Increment(ref total);
            InterlockedMax(ref maxTotal, now);
            await Task.Delay(300);
            Interlocked.Decrement(ref total);
            inFlight.AddOrUpdate(name, 0, (_, n) => n - 1);
            return new WireMock.ResponseMessage
            {
                StatusCode = 200,
                Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
                BodyData = new WireMock.Util.BodyData { BodyAsString = Http.SentMessages, DetectedBodyType = WireMock.Types.BodyType.String },
            };
        }));

        // The first sender sends four versions of today's report, the other 39 one each, all in one webhook.
        var events = Enumerable.Range(0, 4).Select(_ => ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: Names[0]), userId: "Usender0"))
            .Concat(Enumerable.Range(1, Names.Length - 1).Select(i => ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: Names[i]), userId: $"Usender{i}")))
            .ToArray();
        await bot.SendAsync(events);

        Assert.Equal(Names.Length + 3, bot.Line.ApiRequests("/v2/bot/message/reply").Count);
        Assert.Equal(0, overlapsOfOneSender);
        Assert.True(maxTotal >= 3, $"at most {maxTotal} replies were in flight at once");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
