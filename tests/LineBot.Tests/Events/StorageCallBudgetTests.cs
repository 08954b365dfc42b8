using System.Text.Json.Nodes;
using LineBot.Storage;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Messages;
using LineBot.Tests.Photos;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace LineBot.Tests.Events;

/// <summary>
/// What one event costs in storage calls, webhook and worker together, per kind of event in the load mix: counted
/// on the SDK clients of the real <c>serve</c> app (a pipeline policy), printed, and held under a budget, so that a
/// change that adds calls to the hot path fails here. Receives are printed but held apart: how many messages one
/// receive brings depends on how the worker's polls fall between the posts (timing, not code), so the budget is on
/// the other calls and receives are held to at most one per message. Idle polling (receives that bring nothing) is
/// not counted.
/// </summary>
public sealed class StorageCallBudgetTests(ITestOutputHelper output)
{
    // Calls per event other than receives, webhook's queue send included (the first kinds also pay for creating
    // tables once). The worker's ceiling against one storage emulator is its calls per second divided by these plus
    // what receives add (at most one per message). Before issue 16's cuts, receives amortised: chatter 4.6, new
    // reporter 15.8, known reporter 13.3, image 22.3, command 6.1, redelivery 4.1.
    private static readonly Dictionary<string, double> Budget = new()
    {
        ["chatter"] = 3.5,
        ["report, new reporter"] = 14,
        ["report, known reporter"] = 9.5,
        ["image of a set"] = 12,
        ["reports arriving together"] = 8,
        ["command"] = 4.5,
        ["redelivered report"] = 3.5,
    };

    private const string Receive = "queue receive line-events";

    [Fact]
    public async Task EachEventKind_StaysWithinItsStorageBudget()
    {
        var prefix = Azurite.NewPrefix();
        var counter = new StorageCallCounter(prefix);
        await using var bot = await ReportBot.StartAsync(
            new Dictionary<string, string?> { ["Storage:Prefix"] = prefix },
            builder => builder.Services.AddSingleton(StorageClients.Create(new StorageConnection.WithConnectionString(Azurite.ConnectionString), counter: counter)));
        bot.Line.Server.Given(Request.Create().WithPath(new WildcardMatcher("/data/v2/bot/message/*/content")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(TestImages.Jpeg(20_000)));
        const int n = 8;
        var today = ReportBot.Today;
        var results = new List<(string Kind, double PerEvent, IReadOnlyDictionary<string, int> Calls)>();

        // Bodies posted one after another; done when the worker has deleted every queue message they made.
        async Task MeasureAsync(string kind, JsonObject[][] bodies, int messages)
        {
            var before = counter.Snapshot();
            var deleted = counter.Count("queue delete line-events");
            foreach (var events in bodies)
            {
                var response = await bot.Bot.PostWebhookAsync(WebhookBuilder.Body(events));
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (counter.Count("queue delete line-events") < deleted + messages)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{kind}: not all messages done within 30 s");
                await Task.Delay(20);
            }

            var calls = counter.Since(before).Where(kv => !kv.Key.StartsWith("queue receive-empty", StringComparison.Ordinal)).ToDictionary();
            var count = bodies.Sum(b => b.Length);
            Assert.InRange(calls.GetValueOrDefault(Receive), 1, messages);
            results.Add((kind, (double)calls.Where(kv => kv.Key != Receive).Sum(kv => kv.Value) / count, calls));
        }

        // Each event in a body of its own, posted one after another: nothing coalesces, the cost of an event alone.
        Task MeasureOneBodyAsync(string kind, JsonObject[] events) => MeasureAsync(kind, [.. events.Select(e => new[] { e })], events.Length);

        var users = Enumerable.Range(0, n).Select(i => $"Ubudget{i:D25}").ToArray();
        await MeasureOneBodyAsync("chatter", [.. users.Select(u => ReportBot.Text("สวัสดีครับทุกท่าน", userId: u))]);
        var reports = users.Select((u, i) => ReportBot.Text(ReportBot.ReportText(today, name: $"นายทดสอบ ที่{i + 1}"), userId: u)).ToArray();
        await MeasureOneBodyAsync("report, new reporter", reports);
        await MeasureOneBodyAsync("report, known reporter", [.. users.Select((u, i) => ReportBot.Text(ReportBot.ReportText(today, name: $"นายทดสอบ ที่{i + 1}", problems: "ฝนตก"), userId: u))]);
        // Reports of several senders arriving together share one queue message (send, receive and delete once).
        await MeasureAsync("reports arriving together", [[.. users.Select((u, i) => ReportBot.Text(ReportBot.ReportText(today, name: $"นายทดสอบ ที่{i + 1}", problems: "ฝนตกหนัก"), userId: u))]], 1);
        // An image set comes as one body from one sender: one queue message for the set.
        await MeasureAsync("image of a set", [.. users.Take(2).Select(u => ImageSet(u, 3))], 2);
        var commands = users.Select(u => ReportBot.Text("/ช่วยเหลือ", userId: u)).ToArray();
        await MeasureOneBodyAsync("command", commands);
        await MeasureOneBodyAsync("redelivered report", [.. reports.Select(Redelivered)]);

        var answered = reports.Concat(commands).Select(e => e["replyToken"]!.GetValue<string>()).ToList();
        foreach (var (kind, perEvent, calls) in results)
        {
            output.WriteLine($"{kind}: {perEvent:0.##} calls per event besides receives — {string.Join(", ", calls.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"))}");
        }

        Assert.All(results, r => Assert.True(r.PerEvent <= Budget[r.Kind], $"{r.Kind}: {r.PerEvent:0.##} storage calls per event, budget {Budget[r.Kind]}"));
        // Fewer calls, same work: every report and command was answered (the redelivered ones not again).
        var tokens = bot.Line.ApiRequests("/v2/bot/message/reply").Select(r => JsonNode.Parse(r.RequestMessage.Body!)!["replyToken"]!.GetValue<string>()).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(answered, t => Assert.Contains(t, tokens));
    }

    private static JsonObject[] ImageSet(string user, int total)
    {
        var set = Guid.NewGuid().ToString("N");
        return [.. Enumerable.Range(1, total).Select(i => WebhookBuilder.Event("message", ReportBot.Group, user, ReportBot.Now + i, extra: new JsonObject
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["message"] = new JsonObject
            {
                ["type"] = "image",
                ["id"] = Random.Shared.NextInt64(100000000000, 999999999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["quoteToken"] = "q" + Guid.NewGuid().ToString("N"),
                ["contentProvider"] = new JsonObject { ["type"] = "line" },
                ["imageSet"] = new JsonObject { ["id"] = set, ["index"] = i, ["total"] = total },
            },
        }))];
    }

    private static JsonObject Redelivered(JsonObject evt)
    {
        var copy = evt.DeepClone().AsObject();
        copy["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        return copy;
    }
}
