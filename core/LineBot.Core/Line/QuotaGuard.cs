using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LineBot.Line;

/// <summary>
/// Answers "can we afford a push to this chat now?". LINE counts a push once per recipient, so a push to a
/// group costs its member count. Quota left (limit minus this month's usage) is cached for
/// <see cref="QuotaTtl"/> and reduced locally by what we approve; member counts are cached for
/// <see cref="MemberCountTtl"/>. When the quota cannot be read the answer is no: a free reply path exists, a
/// surprise bill does not.
/// </summary>
internal sealed class QuotaGuard(LineMessagingClient line, TimeProvider time, ILogger<QuotaGuard> logger)
{
    public static readonly TimeSpan QuotaTtl = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MemberCountTtl = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset At)> _members = new();
    private (long? Left, DateTimeOffset At)? _quota;

    public async Task<bool> CanAffordPushAsync(string chatId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        long cost;
        long? left;
        try
        {
            cost = await RecipientsAsync(chatId, cancellationToken);
            left = await LeftAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is LineApiException or HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            Log.QuotaUnknown(logger, ex);
            return false;
        }

        if (left is null)
        {
            return true;
        }

        lock (_gate)
        {
            // Re-read under the lock: approvals since the fetch already spent part of it.
            var current = _quota?.Left ?? left.Value;
            Log.QuotaChecked(logger, chatId, cost, current);
            if (current < cost)
            {
                return false;
            }

            _quota = (current - cost, _quota?.At ?? time.GetUtcNow());
            return true;
        }
    }

    /// <summary>Messages left this month; null when the plan has no limit.</summary>
    public async Task<long?> LeftAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_quota is { } cached && now - cached.At < QuotaTtl)
            {
                return cached.Left;
            }
        }

        var quota = await line.GetQuotaAsync(cancellationToken);
        long? left = null;
        if (quota.Type == "limited")
        {
            var used = await line.GetQuotaConsumptionAsync(cancellationToken);
            left = Math.Max(0, (quota.Value ?? 0) - used.TotalUsage);
        }

        lock (_gate)
        {
            _quota = (left, now);
        }

        return left;
    }

    private async Task<long> RecipientsAsync(string chatId, CancellationToken cancellationToken)
    {
        var kind = LineIds.Kind(chatId);
        if (kind is not ('C' or 'R'))
        {
            return 1;
        }

        var now = time.GetUtcNow();
        if (_members.TryGetValue(chatId, out var cached) && now - cached.At < MemberCountTtl)
        {
            return cached.Count;
        }

        var count = kind == 'C'
            ? await line.GetGroupMemberCountAsync(chatId, cancellationToken)
            : await line.GetRoomMemberCountAsync(chatId, cancellationToken);
        _members[chatId] = (count, now);
        return count;
    }
}
