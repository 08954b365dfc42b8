using Azure.Data.Tables;
using LineBot.Line;
using LineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace LineBot.Tests.Line;

/// <summary>The outbox on Azurite, LINE stood in by WireMock.</summary>
public sealed class LineOutboxTests
{
    private static readonly LineMessage[] Digest = [new TextMessage("สรุปรายงานประจำสัปดาห์")];

    [Fact]
    public async Task PushOnce_SecondCallAfterSuccess_SendsNothing()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Json(200, Http.SentMessages, "req-sent"));
        var outbox = line.Services.GetRequiredService<LineOutbox>();

        var first = await outbox.PushOnceAsync("digest|2026-W47|group|C123", "C123", Digest, default);
        var second = await outbox.PushOnceAsync("digest|2026-W47|group|C123", "C123", Digest, default);

        Assert.Equal(OutboxStatus.Sent, first.Status);
        Assert.Equal("req-sent", first.RequestId);
        Assert.Equal(OutboxStatus.AlreadySent, second.Status);
        Assert.Equal(first.RetryKey, second.RetryKey);
        var request = Assert.Single(line.ApiRequests("/v2/bot/message/push"));
        Assert.Equal(first.RetryKey.ToString("D"), request.RequestMessage.Headers!["X-Line-Retry-Key"].ToString());
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task PushOnce_DifferentKeys_EachSentWithItsOwnRetryKey()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Json(200, Http.SentMessages));
        var outbox = line.Services.GetRequiredService<LineOutbox>();

        var a = await outbox.PushOnceAsync("digest|2026-W47|group|C1", "C1", Digest, default);
        var b = await outbox.PushOnceAsync("digest|2026-W48|group|C1", "C1", Digest, default);

        Assert.NotEqual(a.RetryKey, b.RetryKey);
        Assert.Equal(2, line.ApiRequests("/v2/bot/message/push").Count);
    }

    [Fact]
    public async Task PushOnce_CrashBeforeSent_ResendsWithTheSameRetryKey_409CountsAsSent()
    {
        // First run: LINE accepts the push, but the answer never reaches us (every attempt times out), as when
        // the process dies after sending. The row stays pending.
        await using (var crashed = LineMock.Start(new Dictionary<string, string?>
                     {
                         ["Line:Http:AttemptTimeout"] = "00:00:00.200",
                         ["Line:Http:MaxRetries"] = "0",
                         ["Storage:Prefix"] = Prefix,
                     }))
        {
            var slow = new ScriptedEndpoint(crashed.Server, "POST", "/api/v2/bot/message/push", slowCalls: 1, TimeSpan.FromSeconds(2));
            var outbox = crashed.Services.GetRequiredService<LineOutbox>();
            await Assert.ThrowsAsync<TimeoutRejectedException>(() => outbox.PushOnceAsync("reminder|2026-11-25|C9", "C9", Digest, default));
            FirstKey = Guid.Parse(Assert.Single(slow.RetryKeys)!);
        }

        // Second run (a new process, same storage): LINE answers 409 for the key it already accepted.
        await using var line = LineMock.Start(new Dictionary<string, string?> { ["Storage:Prefix"] = Prefix });
        line.Server.Answer("POST", "/api/v2/bot/message/push",
            Http.Error(409, "The retry key is already accepted", "req-409").WithHeader("x-line-accepted-request-id", "req-original"));
        var again = await line.Services.GetRequiredService<LineOutbox>().PushOnceAsync("reminder|2026-11-25|C9", "C9", Digest, default);

        Assert.Equal(OutboxStatus.Sent, again.Status);
        Assert.Equal(FirstKey, again.RetryKey);
        Assert.Equal("req-original", again.RequestId);
        var request = Assert.Single(line.ApiRequests("/v2/bot/message/push"));
        Assert.Equal(FirstKey.ToString("D"), request.RequestMessage.Headers!["X-Line-Retry-Key"].ToString());

        var third = await line.Services.GetRequiredService<LineOutbox>().PushOnceAsync("reminder|2026-11-25|C9", "C9", Digest, default);
        Assert.Equal(OutboxStatus.AlreadySent, third.Status);
        Assert.Single(line.ApiRequests("/v2/bot/message/push"));

        var table = await line.Services.GetRequiredService<StorageClients>().TableAsync(line.Services.GetRequiredService<StorageNames>().OutboxTable);
        var row = (await table.GetEntityAsync<TableEntity>(TableKeys.Escape("reminder|2026-11-25|C9"), TableKeys.Escape("reminder|2026-11-25|C9"))).Value;
        Assert.Equal("sent", row.GetString("Status"));
        Assert.True(row.GetBoolean("AlreadyAccepted"));
    }

    [Fact]
    public async Task PushOnce_LineRejects_ThrowsAndStaysPendingForARetry()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Error(400, "Failed to send messages"), Http.Json(200, Http.SentMessages));
        var outbox = line.Services.GetRequiredService<LineOutbox>();

        await Assert.ThrowsAsync<LineApiException>(() => outbox.PushOnceAsync("k|1", "U1", Digest, default));
        var retried = await outbox.PushOnceAsync("k|1", "U1", Digest, default);

        Assert.Equal(OutboxStatus.Sent, retried.Status);
        var keys = line.ApiRequests("/v2/bot/message/push").Select(r => r.RequestMessage.Headers!["X-Line-Retry-Key"].ToString()).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
    }

    [Fact]
    public async Task PushOnce_SameKeyOtherRecipient_Refused()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Json(200, Http.SentMessages));
        var outbox = line.Services.GetRequiredService<LineOutbox>();
        await outbox.PushOnceAsync("k|2", "U1", Digest, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.PushOnceAsync("k|2", "U2", Digest, default));
    }

    private string Prefix { get; } = Infrastructure.Azurite.NewPrefix();

    private Guid FirstKey { get; set; }
}
