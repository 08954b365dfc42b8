using System.Net;
using LineBot.Line;
using Polly.Timeout;

namespace LineBot.Tests.Line;

public sealed class LineMessagingClientTests
{
    private static readonly LineMessage[] Hello = [new TextMessage("สวัสดีครับ")];

    [Fact]
    public async Task Push_500Then200_RetriedWithTheSameRetryKey()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Error(500, "Internal server error"), Http.Json(200, Http.SentMessages, "req-ok"));
        var key = Guid.NewGuid();

        var result = await line.Messaging.PushAsync("Cgroup1", Hello, key, default);

        Assert.False(result.AlreadyAccepted);
        Assert.Equal("req-ok", result.RequestId);
        Assert.Equal("461230966842064897", Assert.Single(result.SentMessages).Id);
        var requests = line.ApiRequests("/v2/bot/message/push");
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(key.ToString("D"), r.RequestMessage.Headers!["X-Line-Retry-Key"].ToString()));
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Reply_400_NotRetried_ErrorCarriesLineMessageDetailsAndRequestId()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/reply", Http.Json(400,
            """{"message":"The request body has 1 error(s)","details":[{"message":"May not be empty","property":"messages[0].text"}]}""", "req-400"));

        var ex = await Assert.ThrowsAsync<LineApiException>(() => line.Messaging.ReplyAsync("token-1", Hello, default));

        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
        Assert.Equal("The request body has 1 error(s)", ex.LineMessage);
        Assert.Equal("messages[0].text", Assert.Single(ex.Details).Property);
        Assert.Equal("req-400", ex.RequestId);
        Assert.Contains("req-400", ex.Message);
        Assert.Single(line.ApiRequests("/v2/bot/message/reply"));
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Push_RateLimit429_Retried()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Error(429, "Too Many Requests"), Http.Error(429, "Too Many Requests"), Http.Json(200, Http.SentMessages));

        await line.Messaging.PushAsync("Uuser1", Hello, Guid.NewGuid(), default);

        Assert.Equal(3, line.ApiRequests("/v2/bot/message/push").Count);
    }

    [Fact]
    public async Task Push_MonthlyLimit429_NotRetried_QuotaExceeded()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Error(429, LineQuotaExceededException.MonthlyLimitMessage, "req-quota"), Http.Json(200, Http.SentMessages));

        var ex = await Assert.ThrowsAsync<LineQuotaExceededException>(() => line.Messaging.PushAsync("Uuser1", Hello, Guid.NewGuid(), default));

        Assert.Equal("req-quota", ex.RequestId);
        Assert.Single(line.ApiRequests("/v2/bot/message/push"));
    }

    [Fact]
    public async Task Push_AttemptTimesOut_RetriedWithSameKey()
    {
        await using var line = LineMock.Start(new Dictionary<string, string?> { ["Line:Http:AttemptTimeout"] = "00:00:01" });
        var endpoint = new ScriptedEndpoint(line.Server, "POST", "/api/v2/bot/message/push", slowCalls: 1, TimeSpan.FromSeconds(5));
        var key = Guid.NewGuid();

        var result = await line.Messaging.PushAsync("Uuser1", Hello, key, default);

        // At least the slow attempt and one more (a loaded machine may time out a later attempt too).
        Assert.InRange(endpoint.Calls, 2, 4);
        Assert.Equal($"req-{endpoint.Calls}", result.RequestId);
        Assert.All(endpoint.RetryKeys, k => Assert.Equal(key.ToString("D"), k));
    }

    [Fact]
    public async Task Push_TimesOutEveryAttempt_ThrowsAfterRetries()
    {
        await using var line = LineMock.Start(new Dictionary<string, string?> { ["Line:Http:AttemptTimeout"] = "00:00:00.200", ["Line:Http:MaxRetries"] = "2" });
        var endpoint = new ScriptedEndpoint(line.Server, "POST", "/api/v2/bot/message/push", slowCalls: 10, TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => line.Messaging.PushAsync("Uuser1", Hello, Guid.NewGuid(), default));

        Assert.Equal(3, endpoint.Calls);
    }

    [Fact]
    public async Task Push_500Then409WithAcceptedRequestId_IsSuccessWithSameKeyOnEveryAttempt()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push",
            Http.Error(500, "Internal server error"),
            Http.Error(409, "The retry key is already accepted", "req-409").WithHeader("x-line-accepted-request-id", "req-first"));
        var key = Guid.NewGuid();

        var result = await line.Messaging.PushAsync("Cgroup1", Hello, key, default);

        Assert.True(result.AlreadyAccepted);
        Assert.Equal("req-first", result.RequestId);
        var requests = line.ApiRequests("/v2/bot/message/push");
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(key.ToString("D"), r.RequestMessage.Headers!["X-Line-Retry-Key"].ToString()));
    }

    [Fact]
    public async Task Push_409WithoutAcceptedRequestId_IsAnError()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Error(409, "Conflict"));

        var ex = await Assert.ThrowsAsync<LineApiException>(() => line.Messaging.PushAsync("Cgroup1", Hello, Guid.NewGuid(), default));

        Assert.Equal(HttpStatusCode.Conflict, ex.Status);
    }

    [Fact]
    public async Task Multicast_CarriesRetryKeyAndMatchesSpec()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/multicast", Http.Json(200, "{}"));
        var key = Guid.NewGuid();

        await line.Messaging.MulticastAsync(["U1", "U2"], [TextV2Message.Mention("{me} เตือนส่งรายงาน", "me", "U1")], key, default);

        var request = Assert.Single(line.ApiRequests("/v2/bot/message/multicast"));
        Assert.Equal(key.ToString("D"), request.RequestMessage.Headers!["X-Line-Retry-Key"].ToString());
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Push_OverLimit_ThrowsBeforeAnyRequest()
    {
        await using var line = LineMock.Start();

        await Assert.ThrowsAsync<LineMessageLimitException>(() => line.Messaging.PushAsync("U1", [new TextMessage(new string('a', 5_001))], Guid.NewGuid(), default));

        Assert.Empty(line.Server.LogEntries);
    }

    [Fact]
    public async Task Reads_EveryEndpoint_ParsedAndMatchSpec()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("GET", "/api/v2/bot/profile/U1", Http.Json(200, """{"userId":"U1","displayName":"สมชาย","pictureUrl":"https://p/1","language":"th"}"""));
        line.Server.Answer("GET", "/api/v2/bot/profile/Ugone", Http.Error(404, "Not found"));
        line.Server.Answer("GET", "/api/v2/bot/group/C1/summary", Http.Json(200, """{"groupId":"C1","groupName":"พช.ฉะเชิงเทรา","pictureUrl":"https://p/g"}"""));
        line.Server.Answer("GET", "/api/v2/bot/group/C1/members/count", Http.Json(200, """{"count":37}"""));
        line.Server.Answer("GET", "/api/v2/bot/room/R1/members/count", Http.Json(200, """{"count":4}"""));
        line.Server.Answer("GET", "/api/v2/bot/group/C1/member/U1", Http.Json(200, """{"userId":"U1","displayName":"สมชาย"}"""));
        line.Server.Answer("POST", "/api/v2/bot/group/C1/leave", Http.Json(200, "{}"));
        line.Server.Answer("GET", "/api/v2/bot/info", Http.Json(200, """{"userId":"Ubot","basicId":"@216ru","displayName":"LineBot","chatMode":"bot","markAsReadMode":"auto"}"""));
        line.Server.Answer("GET", "/api/v2/bot/message/quota", Http.Json(200, """{"type":"limited","value":300}"""));
        line.Server.Answer("GET", "/api/v2/bot/message/quota/consumption", Http.Json(200, """{"totalUsage":120}"""));
        var client = line.Messaging;

        Assert.Equal("สมชาย", (await client.GetProfileAsync("U1"))!.DisplayName);
        Assert.Null(await client.GetProfileAsync("Ugone"));
        Assert.Equal("พช.ฉะเชิงเทรา", (await client.GetGroupSummaryAsync("C1"))!.GroupName);
        Assert.Equal(37, await client.GetGroupMemberCountAsync("C1"));
        Assert.Equal(4, await client.GetRoomMemberCountAsync("R1"));
        Assert.Equal("U1", (await client.GetGroupMemberProfileAsync("C1", "U1"))!.UserId);
        await client.LeaveGroupAsync("C1");
        Assert.Equal("Ubot", (await client.GetBotInfoAsync()).UserId);
        Assert.Equal(new MessageQuota("limited", 300), await client.GetQuotaAsync());
        Assert.Equal(120, (await client.GetQuotaConsumptionAsync()).TotalUsage);

        Assert.Single(line.ApiRequests("/v2/bot/group/C1/leave"));
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task CircuitBreaker_OpensPerHostAfterRepeatedFailures()
    {
        await using var line = LineMock.Start(new Dictionary<string, string?>
        {
            ["Line:Http:MaxRetries"] = "0",
            ["Line:Http:BreakerMinimumThroughput"] = "4",
            ["Line:Http:BreakerFailureRatio"] = "0.5",
        });
        line.Server.Answer("GET", "/api/v2/bot/info", Http.Error(503, "Service unavailable"));

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<LineApiException>(() => line.Messaging.GetBotInfoAsync());
        }

        await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(() => line.Messaging.GetBotInfoAsync());
        Assert.Equal(4, line.ApiRequests("/v2/bot/info").Count);
    }
}
