using LineBot.Line;

namespace LineBot.Jobs;

internal enum PushOutcome
{
    /// <summary>Sent now.</summary>
    Sent,

    /// <summary>This logical key was sent before: nothing sent again.</summary>
    AlreadySent,

    /// <summary>LINE refused it or it could not be sent (the outbox keeps it for retry).</summary>
    Failed,

    /// <summary>
    /// Not sent because LINE is unavailable (breaker open, timeouts, 5xx), and not tried: from the pusher, "LINE is
    /// down"; in a run, the pushes after the one that found LINE down (that one is <see cref="Failed"/>). All of
    /// them wait for the run's retry.
    /// </summary>
    Pending,

    /// <summary>LINE's monthly limit (429): not sent; recorded as a quota shortfall.</summary>
    QuotaExceeded,
}

/// <summary>
/// The seam to LINE's push API (the real one is an outbox with LINE retry keys and a quota guard).
/// <see cref="PushOnceAsync"/> is idempotent per <c>logicalKey</c>: a job run twice sends nothing twice.
/// </summary>
internal interface IBotPusher
{
    Task<PushOutcome> PushOnceAsync(string logicalKey, string to, IReadOnlyList<BotMessage> messages, CancellationToken ct);

    /// <summary>Whether a push under <paramref name="logicalKey"/> was already sent (so preparing its content again is waste).</summary>
    Task<bool> IsSentAsync(string logicalKey, CancellationToken ct);

    /// <summary>Whether this month's push quota still covers a push to <paramref name="chatId"/> (paid per member).</summary>
    Task<bool> CanAffordPushAsync(string chatId, CancellationToken ct);
}
