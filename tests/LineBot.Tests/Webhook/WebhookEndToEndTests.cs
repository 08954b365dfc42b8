using System.Net;
using System.Text;
using Azure.Data.Tables;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Webhook;

/// <summary>The real serve app over HTTP, with Azurite: what LINE sees and what ends up stored.</summary>
public sealed class WebhookEndToEndTests
{
    private const int Processed = 2009;
    private const int Duplicate = 2004;

    [Fact]
    public async Task Post_SignedEvent_Returns200AndIsProcessedOnce()
    {
        await using var bot = await BotHost.StartAsync();
        var evt = WebhookBuilder.Event("join", "Cjoined", null, eventId: WebhookBuilder.NewEventId());

        var response = await bot.PostWebhookAsync(WebhookBuilder.Body(evt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.WaitForAsync(l => l.Count(Processed) == 1);
        var processed = await bot.Storage.Tables.GetTableClient(bot.Names.ProcessedEventsTable)
            .GetEntityAsync<TableEntity>(evt["webhookEventId"]!.GetValue<string>(), evt["webhookEventId"]!.GetValue<string>());
        Assert.Equal("done", processed.Value.GetString("State"));
        var group = await bot.Storage.Tables.GetTableClient(bot.Names.GroupsTable).GetEntityAsync<TableEntity>("group", "Cjoined");
        Assert.True(group.Value.GetBoolean("Active"));
    }

    [Fact]
    public async Task Post_SameBodyThreeTimes_WithAndWithoutRedelivery_ProcessedOnce()
    {
        await using var bot = await BotHost.StartAsync();
        var id = WebhookBuilder.NewEventId();
        var first = WebhookBuilder.Body(WebhookBuilder.Event("join", "Cdup", null, eventId: id));
        var redelivered = WebhookBuilder.Body(WebhookBuilder.Event("join", "Cdup", null, eventId: id, redelivery: true));

        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(redelivered)).StatusCode);

        await bot.WaitForAsync(l => l.Count(Processed) + l.Count(Duplicate) == 3);
        Assert.Equal(1, bot.Logs.Count(Processed));
        Assert.Equal(2, bot.Logs.Count(Duplicate));
    }

    [Fact]
    public async Task Post_ManyEventsInOneRequest_EachProcessed()
    {
        await using var bot = await BotHost.StartAsync();
        var events = Enumerable.Range(0, 5)
            .Select(i => WebhookBuilder.Event("memberJoined", "Cmany", null, timestamp: 1764000000000 - i, extra: new() { ["joined"] = new System.Text.Json.Nodes.JsonObject { ["members"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "user", ["userId"] = $"U{i}" }) } }))
            .ToArray();

        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body(events))).StatusCode);

        await bot.WaitForAsync(l => l.Count(Processed) == 5);
        var members = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<LineBot.Groups.GroupStore>(bot.Services).ListMembersAsync("Cmany", default);
        Assert.Equal(5, members.Count);
    }

    [Fact]
    public async Task Post_EmptyEvents_ConnectionCheck_Returns200()
    {
        await using var bot = await BotHost.StartAsync();
        var response = await bot.PostWebhookAsync("""{"destination":"Uffffffffffffffffffffffffffffffff","events":[]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-xxxxxxxx")]
    public async Task Post_MissingOrWrongSignature_Returns401AndStoresNothing(string? secret)
    {
        await using var bot = await BotHost.StartAsync();
        var body = WebhookBuilder.Body(WebhookBuilder.Event("join", "Cnosig", null));
        using var request = WebhookBuilder.Request(body, secret ?? BotHost.Secret);
        if (secret is null)
        {
            request.Headers.Remove("x-line-signature");
        }

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var queue = await bot.Storage.QueueAsync(bot.Names.EventsQueue);
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
        Assert.Equal(0, bot.Logs.Count(1004));
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("Cnosig", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SignatureHeaderInOtherCase_Accepted()
    {
        await using var bot = await BotHost.StartAsync();
        var body = WebhookBuilder.Body(WebhookBuilder.Event("join", "Ccase", null));
        using var request = WebhookBuilder.Request(body, BotHost.Secret);
        var signature = request.Headers.GetValues("x-line-signature").Single();
        request.Headers.Remove("x-line-signature");
        request.Headers.TryAddWithoutValidation("X-Line-Signature", signature);

        Assert.Equal(HttpStatusCode.OK, (await bot.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        await using var bot = await BotHost.StartAsync();
        var big = WebhookBuilder.Body(WebhookBuilder.TextEvent(new string('ก', 400_000)));
        Assert.True(Encoding.UTF8.GetByteCount(big) > 1024 * 1024);

        var response = await bot.PostWebhookAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413()
    {
        await using var bot = await BotHost.StartAsync();
        var bytes = Encoding.UTF8.GetBytes(WebhookBuilder.Body(WebhookBuilder.TextEvent(new string('x', 1_100_000))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/line/webhook") { Content = new StreamContent(new NoLengthStream(bytes)) };
        request.Headers.TryAddWithoutValidation("x-line-signature", LineBot.Webhook.SignatureValidator.Sign(BotHost.Secret, bytes));

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedButMalformed_Returns400AndKeepsRawBody()
    {
        await using var bot = await BotHost.StartAsync();
        // Not a LINE envelope (events is not an array): the only malformed body still answered 400 (issue 12).
        const string body = """{"destination":"U1","events":{"no-type":true, "text":"รายงาน 😀"}}""";

        var response = await bot.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var container = bot.Storage.Blobs.GetBlobContainerClient(bot.Names.RawWebhookContainer);
        var kept = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "malformed/", default))
        {
            kept.Add((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }

        Assert.Equal(body, Assert.Single(kept));
    }

    [Fact]
    public async Task Post_StorageUnreachable_Returns503()
    {
        await using var bot = await BotHost.StartAsync(storage: Azurite.Unreachable);
        var response = await bot.PostWebhookAsync(WebhookBuilder.Body(WebhookBuilder.Event("join", "Cdown", null)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Post_EventFromGroupNotAllowed_DroppedWithoutStorage()
    {
        // The bot also leaves Cblocked (see LeaveGroupTests); here LINE is a closed port, so that fails fast.
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:GroupIds:0"] = "Callowed", ["Line:ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}" });
        var blocked = WebhookBuilder.Event("join", "Cblocked", null);
        var allowed = WebhookBuilder.Event("join", "Callowed", null);

        await bot.PostWebhookAsync(WebhookBuilder.Body(blocked, allowed));

        await bot.WaitForAsync(l => l.Count(2003) == 1 && l.Count(Processed) == 1);
        var processed = bot.Storage.Tables.GetTableClient(bot.Names.ProcessedEventsTable);
        Assert.False((await processed.GetEntityIfExistsAsync<TableEntity>(blocked["webhookEventId"]!.GetValue<string>(), blocked["webhookEventId"]!.GetValue<string>())).HasValue);
        Assert.True((await processed.GetEntityIfExistsAsync<TableEntity>(allowed["webhookEventId"]!.GetValue<string>(), allowed["webhookEventId"]!.GetValue<string>())).HasValue);
    }

    [Fact]
    public async Task Post_LargeEvent_GoesThroughClaimCheckBlob()
    {
        await using var bot = await BotHost.StartAsync();
        // 60 KB of text: too large for a queue message, small enough for the webhook limit.
        var evt = WebhookBuilder.TextEvent(new string('ข', 20_000), groupId: "Cbig");

        Assert.Equal(HttpStatusCode.OK, (await bot.PostWebhookAsync(WebhookBuilder.Body(evt))).StatusCode);

        await bot.WaitForAsync(l => l.Count(Processed) == 1);
        var container = bot.Storage.Blobs.GetBlobContainerClient(bot.Names.RawWebhookContainer);
        var claims = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "claims/", default))
        {
            claims.Add(blob.Name);
        }

        Assert.Single(claims);
    }

    /// <summary>A body without Content-Length (chunked), to check the cap while reading.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
