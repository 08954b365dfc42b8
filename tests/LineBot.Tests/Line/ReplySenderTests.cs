using LineBot.Line;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Line;

public sealed class ReplySenderTests
{
    private static readonly LineMessage[] Thanks = [new TextMessage("ได้รับรายงานแล้ว ขอบคุณครับ")];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

    private LineMock Start(long quotaLeft = 1000)
    {
        var line = LineMock.Start(configure: s => s.AddSingleton<TimeProvider>(_time));
        line.Server.Answer("GET", "/api/v2/bot/message/quota", Http.Json(200, $$"""{"type":"limited","value":{{quotaLeft}}}"""));
        line.Server.Answer("GET", "/api/v2/bot/message/quota/consumption", Http.Json(200, """{"totalUsage":0}"""));
        line.Server.Answer("GET", "/api/v2/bot/group/C1/members/count", Http.Json(200, """{"count":12}"""));
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Json(200, Http.SentMessages));
        return line;
    }

    [Fact]
    public async Task SendReply_FreshToken_Replied()
    {
        await using var line = Start();
        line.Server.Answer("POST", "/api/v2/bot/message/reply", Http.Json(200, Http.SentMessages));
        var sender = line.Services.GetRequiredService<ReplySender>();

        var outcome = await sender.SendReplyAsync("rt-1", "C1", Thanks, _time.GetUtcNow().AddSeconds(-5), allowPushFallback: true, default);

        Assert.Equal(ReplyOutcomeKind.Replied, outcome.Kind);
        Assert.Empty(line.ApiRequests("/v2/bot/message/push"));
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task SendReply_OldToken_PushedWhenAllowedAndAffordable_WithoutTryingTheReply()
    {
        await using var line = Start();
        var sender = line.Services.GetRequiredService<ReplySender>();

        var outcome = await sender.SendReplyAsync("rt-2", "C1", Thanks, _time.GetUtcNow().AddSeconds(-51), allowPushFallback: true, default);

        Assert.Equal(ReplyOutcomeKind.Pushed, outcome.Kind);
        Assert.Contains("expired", outcome.Reason);
        Assert.Empty(line.ApiRequests("/v2/bot/message/reply"));
        var push = Assert.Single(line.ApiRequests("/v2/bot/message/push"));
        Assert.Equal(ReplySender.RetryKeyFor("rt-2", "C1").ToString("D"), push.RequestMessage.Headers!["X-Line-Retry-Key"].ToString());
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task SendReply_OldToken_NoFallbackAllowed_NotDeliveredWithReason()
    {
        await using var line = Start();
        var sender = line.Services.GetRequiredService<ReplySender>();

        var outcome = await sender.SendReplyAsync("rt-3", "C1", Thanks, _time.GetUtcNow().AddMinutes(-2), allowPushFallback: false, default);

        Assert.Equal(ReplyOutcomeKind.NotDelivered, outcome.Kind);
        Assert.Contains("not allowed", outcome.Reason);
        Assert.Empty(line.Server.LogEntries);
    }

    [Fact]
    public async Task SendReply_InvalidReplyToken_FallsBackToPush()
    {
        await using var line = Start();
        line.Server.Answer("POST", "/api/v2/bot/message/reply", Http.Error(400, "Invalid reply token"));
        var sender = line.Services.GetRequiredService<ReplySender>();

        var outcome = await sender.SendReplyAsync("rt-4", "C1", Thanks, _time.GetUtcNow(), allowPushFallback: true, default);

        Assert.Equal(ReplyOutcomeKind.Pushed, outcome.Kind);
        Assert.Contains("Invalid reply token", outcome.Reason);
        Assert.Single(line.ApiRequests("/v2/bot/message/reply"));
        Assert.Single(line.ApiRequests("/v2/bot/message/push"));
    }

    [Fact]
    public async Task SendReply_QuotaTooLowForTheGroup_NotDelivered()
    {
        await using var line = Start(quotaLeft: 5);
        var sender = line.Services.GetRequiredService<ReplySender>();

        var outcome = await sender.SendReplyAsync("rt-5", "C1", Thanks, _time.GetUtcNow().AddMinutes(-5), allowPushFallback: true, default);

        Assert.Equal(ReplyOutcomeKind.NotDelivered, outcome.Kind);
        Assert.Contains("quota", outcome.Reason);
        Assert.Empty(line.ApiRequests("/v2/bot/message/push"));
    }

    [Fact]
    public void RetryKeyFor_IsStablePerReplyAndAUuid()
    {
        var key = ReplySender.RetryKeyFor("rt", "C1");

        Assert.Equal(key, ReplySender.RetryKeyFor("rt", "C1"));
        Assert.NotEqual(key, ReplySender.RetryKeyFor("rt2", "C1"));
        Assert.Equal('4', key.ToString("D")[14]);
    }
}
