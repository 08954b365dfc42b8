using LineBot.Line;
using Microsoft.Extensions.Logging;

namespace LineBot.Jobs;

/// <summary>The jobs' pushes: LINE messages through the outbox (one retry key per logical key) and the quota guard.</summary>
internal sealed partial class LinePusher(LineOutbox outbox, QuotaGuard quota, ILogger<LinePusher> logger) : IBotPusher
{
    public async Task<PushOutcome> PushOnceAsync(string logicalKey, string to, IReadOnlyList<BotMessage> messages, CancellationToken ct)
    {
        try
        {
            var result = await outbox.PushOnceAsync(logicalKey, to, [.. messages.Select(m => BotMessages.ToLine(m))], ct);
            return result.Status == OutboxStatus.AlreadySent ? PushOutcome.AlreadySent : PushOutcome.Sent;
        }
        catch (LineQuotaExceededException ex)
        {
            LogPushFailed(logger, logicalKey, ex);
            return PushOutcome.QuotaExceeded;
        }
        catch (Exception ex) when (LineUnavailable.Is(ex, ct))
        {
            // LINE is down: the outbox row stays pending with its retry key, and the run stops here for its retry.
            LogPushFailed(logger, logicalKey, ex);
            return PushOutcome.Pending;
        }
        catch (LineApiException ex)
        {
            // The outbox row stays pending with its retry key: the next run of the job sends it, once.
            LogPushFailed(logger, logicalKey, ex);
            return PushOutcome.Failed;
        }
    }

    public Task<bool> IsSentAsync(string logicalKey, CancellationToken ct) => outbox.IsSentAsync(logicalKey, ct);

    public Task<bool> CanAffordPushAsync(string chatId, CancellationToken ct) => quota.CanAffordPushAsync(chatId, ct);

    [LoggerMessage(6101, LogLevel.Warning, "Push {LogicalKey} failed; it stays in the outbox for the next run.")]
    private static partial void LogPushFailed(ILogger logger, string logicalKey, Exception exception);
}
