using LineBot.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Line;

/// <summary><see cref="LineOutbox.IsSentAsync"/> on Azurite, LINE stood in by WireMock.</summary>
public sealed class LineOutboxIsSentTests
{
    private static readonly LineMessage[] Message = [new TextMessage("ร่างรายงานผล")];

    [Fact]
    public async Task IsSent_FalseUntilPushed_FalseWhilePending_TrueAfter()
    {
        await using var line = LineMock.Start(new Dictionary<string, string?> { ["Line:Http:MaxRetries"] = "0" });
        var outbox = line.Services.GetRequiredService<LineOutbox>();
        // The first push fails (500, no retries), the second succeeds.
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Error(500, "down", "req-500"), Http.Json(200, Http.SentMessages, "req-ok"));

        Assert.False(await outbox.IsSentAsync("monthly|2026-11|U1|U1", default));
        await Assert.ThrowsAnyAsync<Exception>(() => outbox.PushOnceAsync("monthly|2026-11|U1|U1", "U1", Message, default));
        Assert.False(await outbox.IsSentAsync("monthly|2026-11|U1|U1", default));

        await outbox.PushOnceAsync("monthly|2026-11|U1|U1", "U1", Message, default);

        Assert.True(await outbox.IsSentAsync("monthly|2026-11|U1|U1", default));
        Assert.False(await outbox.IsSentAsync("monthly|2026-11|U2|U2", default));
    }
}
