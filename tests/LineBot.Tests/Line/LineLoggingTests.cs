using LineBot.Line;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Line;

public sealed class LineLoggingTests
{
    [Fact]
    public async Task Logs_NeverCarryAccessTokenReplyTokenOrMessageText()
    {
        var logs = new CapturedLogs();
        await using var line = LineMock.Start(logs: logs);
        line.Server.Answer("POST", "/api/v2/bot/message/reply", Http.Error(400, "Invalid reply token"));
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Json(200, Http.SentMessages, "req-logged"));
        const string secretText = "ข้อความลับของผู้ใช้";

        await Assert.ThrowsAsync<LineApiException>(() => line.Messaging.ReplyAsync("reply-token-xyz", [new TextMessage(secretText)], default));
        await line.Messaging.PushAsync("C1", [new TextMessage(secretText)], Guid.NewGuid(), default);

        Assert.Contains(logs.Entries, e => e.EventId == 3002 && e.Message.Contains("req-logged"));
        Assert.Contains(logs.Entries, e => e.EventId == 3004 && e.Message.Contains("Invalid reply token"));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(LineMock.Token) || e.Message.Contains("reply-token-xyz") || e.Message.Contains(secretText));
    }
}
