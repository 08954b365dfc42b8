using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LineBot.LineStandIn;

namespace LineBot.Tests.LineStandIn;

/// <summary>The LINE stand-in on its own port, over real HTTP: answers shaped like LINE's, and a record of what was sent.</summary>
public sealed class StandInEndpointTests : IAsyncLifetime
{
    private readonly LineStandInServer server = new();
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var baseAddress = await server.StartAsync();
        http = new HttpClient { BaseAddress = baseAddress };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Reply_IssuedToken_Returns200WithSentMessagesAndIsRecorded()
    {
        var token = server.IssueReplyToken();

        var response = await PostAsync("v2/bot/message/reply", new JsonObject { ["replyToken"] = token, ["messages"] = Texts("รับรายงานแล้ว", "ขอบคุณครับ") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var sent = body["sentMessages"]!.AsArray();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => { Assert.False(string.IsNullOrEmpty(m!["id"]!.GetValue<string>())); Assert.NotNull(m["quoteToken"]); });
        Assert.True(response.Headers.Contains("x-line-request-id"));
        var record = Assert.Single(server.Recorded);
        Assert.Equal("reply", record.Kind);
        Assert.Equal(token, record.ReplyToken);
        Assert.Equal("รับรายงานแล้ว", record.Body["messages"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_TokenUsedTwiceOrUnknown_Returns400()
    {
        var token = server.IssueReplyToken();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("v2/bot/message/reply", new JsonObject { ["replyToken"] = token, ["messages"] = Texts("a") })).StatusCode);

        var again = await PostAsync("v2/bot/message/reply", new JsonObject { ["replyToken"] = token, ["messages"] = Texts("b") });
        var unknown = await PostAsync("v2/bot/message/reply", new JsonObject { ["replyToken"] = "nope", ["messages"] = Texts("c") });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Invalid reply token", JsonNode.Parse(await again.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
        Assert.Single(server.Recorded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Push_ZeroOrMoreThanFiveMessages_Returns400AndRecordsNothing(int count)
    {
        var response = await PostAsync("v2/bot/message/push", new JsonObject { ["to"] = "Cgroup", ["messages"] = Texts([.. Enumerable.Range(0, count).Select(i => $"m{i}")]) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("messages", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.Recorded);
    }

    [Fact]
    public async Task Push_SameRetryKeyTwice_Second409WithAcceptedRequestId()
    {
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync("v2/bot/message/push", new JsonObject { ["to"] = "Cgroup", ["messages"] = Texts("สรุป") }, key);
        var second = await PostAsync("v2/bot/message/push", new JsonObject { ["to"] = "Cgroup", ["messages"] = Texts("สรุป") }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(first.Headers.GetValues("x-line-request-id").Single(), second.Headers.GetValues("x-line-accepted-request-id").Single());
        var record = Assert.Single(server.Recorded);
        Assert.Equal(key, record.RetryKey);
        Assert.Equal("Cgroup", record.To);
    }

    [Fact]
    public async Task Multicast_Returns200EmptyObjectAndRecordsTargets()
    {
        var response = await PostAsync("v2/bot/message/multicast", new JsonObject { ["to"] = new JsonArray("U1", "U2"), ["messages"] = Texts("x") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal("U1,U2", Assert.Single(server.Recorded).To);
    }

    [Fact]
    public async Task Profiles_KnownMemberAnswered_UnknownIs404()
    {
        server.State.AddProfile(new StandInProfile("Uaaa", "สมชาย"));

        var profile = JsonNode.Parse(await http.GetStringAsync("v2/bot/profile/Uaaa"))!;
        var member = JsonNode.Parse(await http.GetStringAsync("v2/bot/group/Cg/member/Uaaa"))!;
        var count = JsonNode.Parse(await http.GetStringAsync("v2/bot/group/Cg/members/count"))!;
        var summary = JsonNode.Parse(await http.GetStringAsync("v2/bot/group/Cg/summary"))!;

        Assert.Equal("สมชาย", profile["displayName"]!.GetValue<string>());
        Assert.Equal("Uaaa", member["userId"]!.GetValue<string>());
        Assert.Equal(1, count["count"]!.GetValue<int>());
        Assert.Equal("Cg", summary["groupId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("v2/bot/profile/Unobody")).StatusCode);
    }

    [Fact]
    public async Task Content_Uploaded_IsServedWithItsType_UnknownIs404()
    {
        server.UploadContent("12345", [1, 2, 3], "image/png");

        var ok = await http.GetAsync("v2/bot/message/12345/content");
        var missing = await http.GetAsync("v2/bot/message/999/content");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("image/png", ok.Content.Headers.ContentType!.MediaType);
        Assert.Equal([1, 2, 3], await ok.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task BotInfoQuotaLeave_AnswerLikeLine()
    {
        await PostAsync("v2/bot/message/push", new JsonObject { ["to"] = "Cg", ["messages"] = Texts("a", "b") });

        var info = JsonNode.Parse(await http.GetStringAsync("v2/bot/info"))!;
        var quota = JsonNode.Parse(await http.GetStringAsync("v2/bot/message/quota"))!;
        var usage = JsonNode.Parse(await http.GetStringAsync("v2/bot/message/quota/consumption"))!;
        var leave = await http.PostAsync("v2/bot/group/Cg/leave", null);

        Assert.StartsWith("U", info["userId"]!.GetValue<string>());
        Assert.Equal("none", quota["type"]!.GetValue<string>());
        Assert.Equal(2, usage["totalUsage"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, leave.StatusCode);
        Assert.Equal("leave", server.Recorded[^1].Kind);
    }

    [Fact]
    public async Task RecordedEndpoint_ListsAfterSequence()
    {
        await PostAsync("v2/bot/message/push", new JsonObject { ["to"] = "Cg", ["messages"] = Texts("one") });
        await PostAsync("v2/bot/message/push", new JsonObject { ["to"] = "Cg", ["messages"] = Texts("two") });
        var first = server.Recorded[0].Seq;

        var after = JsonNode.Parse(await http.GetStringAsync($"_recorded?after={first}"))!.AsArray();

        var only = Assert.Single(after);
        Assert.Equal("two", only!["body"]!["messages"]![0]!["text"]!.GetValue<string>());
    }

    private static JsonArray Texts(params string[] texts) =>
        new([.. texts.Select(t => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = t })]);

    private Task<HttpResponseMessage> PostAsync(string path, JsonObject body, string? retryKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", "local");
        if (retryKey is not null)
        {
            request.Headers.Add("X-Line-Retry-Key", retryKey);
        }

        return http.SendAsync(request);
    }
}
