using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using LineBot.Cli;
using LineBot.Events;
using LineBot.Groups;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace LineBot.Tests.Webhook;

/// <summary>
/// Issue 12 over HTTP against the real serve app on Azurite: one bad event costs only itself, unknown types are kept,
/// events without a chat never pass the allow-list, and a room the bot does not serve is left.
/// </summary>
public sealed class WebhookIntakeTests
{
    private const int Processed = 2009;
    private const int Duplicate = 2004;
    private const int NoChat = 2015;
    private const int KeptUnknown = 2017;
    private const int EventKept = 1006;

    private static JsonObject MemberJoined(string group, string user, string? eventId = null, bool redelivery = false) =>
        WebhookBuilder.Event("memberJoined", group, null, eventId: eventId, redelivery: redelivery, extra: new()
        {
            ["joined"] = new JsonObject { ["members"] = new JsonArray(new JsonObject { ["type"] = "user", ["userId"] = user }) },
        });

    [Fact]
    public async Task ThreeEvents_OneMalformed_TwoProcessedOnce_OneKept_RedeliveryDoublesNothing_ReplayAfterFixProcessesOnce()
    {
        await using var bot = await BotHost.StartAsync();
        var badId = WebhookBuilder.NewEventId();
        var first = MemberJoined("Cbatch", "U1");
        var second = MemberJoined("Cbatch", "U2");
        // The right type, the wrong shape: a timestamp LINE would never send.
        var bad = MemberJoined("Cbatch", "U3", eventId: badId);
        bad["timestamp"] = "yesterday";
        var body = WebhookBuilder.Body(first, bad, second);

        var response = await bot.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.WaitForAsync(l => l.Count(Processed) == 2);
        Assert.Equal(["U1", "U2"], await MembersAsync(bot, "Cbatch"));
        var kept = await BlobsAsync(bot, "malformed/");
        var keptBlob = Assert.Single(kept);
        Assert.Equal($"malformed/events/{badId}.json", keptBlob.Key);
        var keptJson = JsonNode.Parse(keptBlob.Value)!;
        Assert.Contains("memberJoined", (string)keptJson["reason"]!);
        Assert.Equal(bad.ToJsonString(), keptJson["event"]!.ToJsonString());

        // LINE redelivers the same events: nothing is processed or kept twice.
        var redelivered = WebhookBuilder.Body(Redelivery(first), Redelivery(bad), Redelivery(second));
        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(redelivered)).StatusCode);
        await bot.WaitForAsync(l => l.Count(Duplicate) == 2);
        Assert.Single(await BlobsAsync(bot, "malformed/"));
        Assert.Equal(2, bot.Logs.Count(EventKept));

        // A replay before the fix changes nothing.
        var replay = bot.Services.GetRequiredService<KeptEventReplay>();
        Assert.Equal(new ReplayCounts(1, 0, 1), await replay.ReplayAsync(KeptKind.Malformed, null, dryRun: false, default));

        // Fixed (here: the kept event corrected), it is processed once; a second replay finds nothing.
        var store = bot.Services.GetRequiredService<KeptEventStore>();
        var item = await SingleKeptAsync(store, KeptKind.Malformed);
        var fixedEvent = bad.DeepClone().AsObject();
        fixedEvent["timestamp"] = 1764000000000;
        await store.RewriteAsync(item, fixedEvent.ToJsonString(), default);
        Assert.Equal(new ReplayCounts(1, 1, 0), await replay.ReplayAsync(KeptKind.Malformed, null, dryRun: true, default));
        Assert.Single(await BlobsAsync(bot, "malformed/"));

        Assert.Equal(new ReplayCounts(1, 1, 0), await replay.ReplayAsync(KeptKind.Malformed, null, dryRun: false, default));
        await bot.WaitForAsync(l => l.Count(Processed) == 3);
        Assert.Equal(new ReplayCounts(0, 0, 0), await replay.ReplayAsync(KeptKind.Malformed, null, dryRun: false, default));
        Assert.Empty(await BlobsAsync(bot, "malformed/"));
        Assert.Equal(["U1", "U2", "U3"], await MembersAsync(bot, "Cbatch"));

        // A late redelivery of the original body: the good two are duplicates, the bad one is not kept again.
        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(body)).StatusCode);
        await bot.WaitForAsync(l => l.Count(Duplicate) == 4);
        Assert.Empty(await BlobsAsync(bot, "malformed/"));

        // And the corrected event itself, delivered again: a duplicate too.
        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body(Redelivery(fixedEvent)))).StatusCode);
        await bot.WaitForAsync(l => l.Count(Duplicate) == 5);
        Assert.Equal(3, bot.Logs.Count(Processed));
    }

    [Fact]
    public async Task LargeBody_QueuedAsBatchesAndRunAsGroups_EveryEventProcessedOnce()
    {
        await using var bot = await BotHost.StartAsync();
        var events = Enumerable.Range(0, EventQueue.BatchThreshold + 10).Select(i => MemberJoined("Cburst", $"U{i:000}")).ToArray();

        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body(events))).StatusCode);

        await bot.WaitForAsync(l => l.Count(Processed) == events.Length, TimeSpan.FromSeconds(60));
        Assert.Equal(events.Length, (await MembersAsync(bot, "Cburst")).Count);
        Assert.Equal(events.Length, bot.Logs.Entries.Where(e => e.EventId == 2018).Sum(e => int.Parse(e.Message.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture)));

        // Delivered again: the batches run again, and every event is a duplicate.
        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body([.. events.Select(Redelivery)]))).StatusCode);
        await bot.WaitForAsync(l => l.Count(Duplicate) == events.Length, TimeSpan.FromSeconds(60));
        Assert.Equal(events.Length, bot.Logs.Count(Processed));
    }

    [Fact]
    public async Task ReplayMalformed_Cli_PrintsCountsAndHonoursSinceAndDryRun()
    {
        await using var bot = await BotHost.StartAsync();
        var bad = MemberJoined("Ccli", "U1");
        bad["timestamp"] = "yesterday";
        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body(bad, MemberJoined("Ccli", "U2")))).StatusCode);
        await bot.WaitForAsync(l => l.Count(Processed) == 1);
        string[] settings = [$"--AzureWebJobsStorage={Azurite.ConnectionString}", $"--Storage:Prefix={bot.Prefix}", $"--Line:ChannelSecret={BotHost.Secret}"];

        using var later = new StringWriter();
        Assert.Equal(0, await EventsCommand.RunAsync(["replay-malformed", "--since", "2999-01-01", .. settings], later));
        Assert.Contains("0 kept malformed blob(s) read; 0 event(s) queued; 0 still malformed", later.ToString());

        using var dry = new StringWriter();
        Assert.Equal(0, await EventsCommand.RunAsync(["replay-malformed", "--dry-run", "--since", "2000-01-01", .. settings], dry));
        Assert.Contains("1 kept malformed blob(s) read; 0 event(s) would be queued (dry run: nothing changed); 1 still malformed, left in place.", dry.ToString());

        Assert.Equal(2, await EventsCommand.RunAsync(["replay-malformed", "--since", "yesterday", .. settings], TextWriter.Null));
    }

    [Fact]
    public async Task NotAnEnvelope_Returns400AndKeepsTheBodyWhole()
    {
        await using var bot = await BotHost.StartAsync();
        const string body = """{"destination":"U1","events":{"type":"message"}}""";

        Assert.Equal(HttpStatusCode.BadRequest, (await bot.PostWebhookAsync(body)).StatusCode);

        var kept = Assert.Single(await BlobsAsync(bot, "malformed/"));
        Assert.Equal(body, kept.Value);
        Assert.DoesNotContain("/events/", kept.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEventAndMessageTypes_AreKeptRaw_ThenReplayedOnceWhenKnown()
    {
        await using var bot = await BotHost.StartAsync();
        var futureEvent = WebhookBuilder.Event("futureThing", "Cfuture", "U1", extra: new() { ["futureThing"] = new JsonObject { ["x"] = 1 } });
        var futureMessage = WebhookBuilder.Event("message", "Cfuture", "U1", extra: new()
        {
            ["replyToken"] = "r1",
            ["message"] = new JsonObject { ["type"] = "hologram", ["id"] = "4242", ["quoteToken"] = "q" },
        });

        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body(futureEvent, futureMessage))).StatusCode);

        await bot.WaitForAsync(l => l.Count(Processed) == 2 && l.Count(KeptUnknown) == 2);
        var kept = await BlobsAsync(bot, "unknown/");
        Assert.Equal(2, kept.Count);
        var eventBlob = JsonNode.Parse(kept[$"unknown/{(string)futureEvent["webhookEventId"]!}.json"])!;
        Assert.Equal(futureEvent.ToJsonString(), eventBlob["event"]!.ToJsonString());
        Assert.Contains("futureThing", (string)eventBlob["reason"]!);
        Assert.Contains("hologram", (string)JsonNode.Parse(kept[$"unknown/{(string)futureMessage["webhookEventId"]!}.json"])!["reason"]!);

        // Still unknown to this build: a replay leaves them where they are.
        var replay = bot.Services.GetRequiredService<KeptEventReplay>();
        Assert.Equal(new ReplayCounts(2, 0, 2), await replay.ReplayAsync(KeptKind.Unknown, null, dryRun: false, default));

        // A build that knows the type (stood in for by rewriting the kept event as a memberJoined) processes it once.
        var store = bot.Services.GetRequiredService<KeptEventStore>();
        await foreach (var item in store.ListAsync(KeptKind.Unknown, null, default))
        {
            if (item.BlobName.Contains((string)futureEvent["webhookEventId"]!, StringComparison.Ordinal))
            {
                var known = MemberJoined("Cfuture", "Ulater", eventId: (string)futureEvent["webhookEventId"]!);
                await store.RewriteAsync(item, known.ToJsonString(), default);
            }
        }

        Assert.Equal(new ReplayCounts(2, 1, 1), await replay.ReplayAsync(KeptKind.Unknown, null, dryRun: false, default));
        await bot.WaitForAsync(l => l.Count(Processed) == 3);
        Assert.Equal(["Ulater"], await MembersAsync(bot, "Cfuture"));
        Assert.Equal(new ReplayCounts(1, 0, 1), await replay.ReplayAsync(KeptKind.Unknown, null, dryRun: false, default));
        await Task.Delay(500);
        Assert.Equal(3, bot.Logs.Count(Processed));
    }

    [Fact]
    public async Task EventsWithoutAChat_AreDroppedAndStoreNothing()
    {
        await using var bot = await BotHost.StartAsync();
        var sourceless = WebhookBuilder.TextEvent("สมชาย ใจดี\nรายงานวันนี้ ปลูกผัก", groupId: "Cx");
        sourceless.Remove("source");
        var groupWithoutId = WebhookBuilder.TextEvent("สมชาย ใจดี\nรายงานวันนี้ ปลูกผัก", groupId: "Cx", userId: "Usomchai");
        groupWithoutId["source"] = new JsonObject { ["type"] = "group", ["userId"] = "Usomchai" };
        var userWithoutId = WebhookBuilder.TextEvent("สมชาย ใจดี\nรายงานวันนี้ ปลูกผัก", userId: null);
        userWithoutId["source"] = new JsonObject { ["type"] = "user" };
        var roomWithoutId = WebhookBuilder.Event("join", null, null);
        roomWithoutId["source"] = new JsonObject { ["type"] = "room" };

        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body(sourceless, groupWithoutId, userWithoutId, roomWithoutId))).StatusCode);

        await bot.WaitForAsync(l => l.Count(NoChat) == 4);
        Assert.Equal(0, bot.Logs.Count(Processed));
        foreach (var table in new[] { bot.Names.ReportsTable, bot.Names.ReportersTable, bot.Names.MessagesTable, bot.Names.GroupsTable, bot.Names.ProcessedEventsTable })
        {
            var client = await bot.Storage.TableAsync(table);
            await foreach (var row in client.QueryAsync<TableEntity>())
            {
                Assert.Fail($"{table} has a row {row.PartitionKey}/{row.RowKey}");
            }
        }
    }

    [Fact]
    public async Task JoinToRoomNotAllowed_LeavesTheRoom()
    {
        using var line = WireMockServer.Start();
        line.Answer("POST", "/api/v2/bot/room/Rstranger/leave", Http.Json(200, "{}"));
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:GroupIds:0"] = "Callowed",
            ["Line:ChannelAccessToken"] = LineMock.Token,
            ["Line:ApiBaseUrl"] = line.Url + "/api",
            ["Line:DataApiBaseUrl"] = line.Url + "/data",
        });
        var join = WebhookBuilder.Event("join", null, null);
        join["source"] = new JsonObject { ["type"] = "room", ["roomId"] = "Rstranger", ["userId"] = "U1" };

        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body(join))).StatusCode);

        await bot.WaitForAsync(l => l.Count(2016) == 1);
        var leave = Assert.Single(line.LogEntries);
        Assert.Equal("POST", leave.RequestMessage.Method);
        Assert.Equal("/api/v2/bot/room/Rstranger/leave", leave.RequestMessage.Path);
        Assert.Equal("Bearer " + LineMock.Token, leave.RequestMessage.Headers!["Authorization"].ToString());
        Assert.Equal(1, bot.Logs.Count(2003));
    }

    private static JsonObject Redelivery(JsonObject evt)
    {
        var copy = evt.DeepClone().AsObject();
        copy["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        return copy;
    }

    private static async Task<List<string>> MembersAsync(BotHost bot, string group) =>
        (await bot.Services.GetRequiredService<GroupStore>().ListMembersAsync(group, default)).Order(StringComparer.Ordinal).ToList();

    private static async Task<KeptEvent> SingleKeptAsync(KeptEventStore store, KeptKind kind)
    {
        var items = new List<KeptEvent>();
        await foreach (var item in store.ListAsync(kind, null, default))
        {
            items.Add(item);
        }

        return Assert.Single(items);
    }

    private static async Task<Dictionary<string, string>> BlobsAsync(BotHost bot, string prefix)
    {
        var container = await bot.Storage.ContainerAsync(bot.Names.RawWebhookContainer);
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, default))
        {
            blobs[blob.Name] = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
        }

        return blobs;
    }
}
