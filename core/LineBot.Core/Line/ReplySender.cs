using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LineBot.Line;

internal enum ReplyOutcomeKind
{
    Replied,
    Pushed,
    NotDelivered,
}

/// <summary>How a reply went; <see cref="Reason"/> says why it was pushed or not delivered.</summary>
internal sealed record ReplyOutcome(ReplyOutcomeKind Kind, string? Reason = null)
{
    public static ReplyOutcome Replied { get; } = new(ReplyOutcomeKind.Replied);

    public bool Delivered => Kind != ReplyOutcomeKind.NotDelivered;
}

/// <summary>
/// Replies (free) while the reply token is fresh. A token older than <see cref="MaxReplyTokenAge"/>, or one LINE
/// refuses as invalid, falls back to a push (paid) only when the caller allows it and <see cref="QuotaGuard"/>
/// agrees; otherwise the outcome is "not delivered" with the reason.
/// </summary>
internal sealed class ReplySender(LineMessagingClient line, QuotaGuard quota, TimeProvider time, ILogger<ReplySender> logger)
{
    /// <summary>A reply token's life as LINE gives it, less a margin for the request itself.</summary>
    public static readonly TimeSpan MaxReplyTokenAge = LineLimits.ReplyTokenLifetime - TimeSpan.FromSeconds(10);

    public async Task<ReplyOutcome> SendReplyAsync(string replyToken, string to, IReadOnlyList<LineMessage> messages, DateTimeOffset eventTime, bool allowPushFallback, CancellationToken cancellationToken)
    {
        LineLimits.Validate(messages);
        string reason;
        if (string.IsNullOrEmpty(replyToken))
        {
            reason = "no reply token";
        }
        else if (time.GetUtcNow() - eventTime > MaxReplyTokenAge)
        {
            reason = "reply token expired";
        }
        else
        {
            try
            {
                await line.ReplyAsync(replyToken, messages, cancellationToken);
                return ReplyOutcome.Replied;
            }
            catch (LineApiException ex) when (ex.IsInvalidReplyToken)
            {
                reason = "reply token refused by LINE: " + ex.LineMessage;
            }
        }

        if (!allowPushFallback)
        {
            return NotDelivered(to, reason + "; push fallback not allowed");
        }

        if (!await quota.CanAffordPushAsync(to, cancellationToken))
        {
            return NotDelivered(to, reason + "; push not affordable within the monthly quota");
        }

        Log.ReplyFallback(logger, to, reason);
        try
        {
            await line.PushAsync(to, messages, RetryKeyFor(replyToken, to), cancellationToken);
        }
        catch (LineApiException ex) when (ex is LineQuotaExceededException || (int)ex.Status is >= 400 and < 500)
        {
            return NotDelivered(to, $"{reason}; push failed: {ex.LineMessage ?? ex.Status.ToString()}");
        }

        return new ReplyOutcome(ReplyOutcomeKind.Pushed, reason);
    }

    // The fallback push stands for this reply: a redelivered event retrying it reuses the same key, so LINE
    // delivers it once.
    internal static Guid RetryKeyFor(string replyToken, string to)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"reply-fallback|{replyToken}|{to}"), hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout (Guid byte order)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private ReplyOutcome NotDelivered(string to, string reason)
    {
        Log.NotDelivered(logger, to, reason);
        return new ReplyOutcome(ReplyOutcomeKind.NotDelivered, reason);
    }
}
