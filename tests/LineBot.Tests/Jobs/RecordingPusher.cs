using System.Collections.Concurrent;
using LineBot.Jobs;
using LineBot.Line;

namespace LineBot.Tests.Jobs;

/// <summary>
/// A stand-in for LINE's push API (not for storage): records what was pushed, honours idempotency by logical key
/// as the real outbox does, and answers the quota question as the test says.
/// </summary>
internal sealed class RecordingPusher(TimeProvider time) : IBotPusher
{
    private readonly ConcurrentDictionary<string, (string To, IReadOnlyList<BotMessage> Messages, DateTimeOffset At)> _sent = new(StringComparer.Ordinal);
    private int _calls;

    public Func<string, bool> CanAfford { get; set; } = _ => true;

    /// <summary>Recipients whose pushes LINE "refuses" (nothing recorded as sent).</summary>
    public Func<string, bool> Fails { get; set; } = _ => false;

    /// <summary>An answer other than sent for a recipient (e.g. LINE unavailable, monthly limit); null: the usual.</summary>
    public Func<string, PushOutcome?> Answer { get; set; } = _ => null;

    public IReadOnlyDictionary<string, (string To, IReadOnlyList<BotMessage> Messages, DateTimeOffset At)> Sent => _sent;

    public int Calls => _calls;

    public Task<PushOutcome> PushOnceAsync(string logicalKey, string to, IReadOnlyList<BotMessage> messages, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        if (Answer(to) is { } answer)
        {
            return Task.FromResult(answer);
        }

        if (Fails(to))
        {
            return Task.FromResult(PushOutcome.Failed);
        }

        return Task.FromResult(_sent.TryAdd(logicalKey, (to, messages, time.GetUtcNow())) ? PushOutcome.Sent : PushOutcome.AlreadySent);
    }

    public Task<bool> IsSentAsync(string logicalKey, CancellationToken ct) => Task.FromResult(_sent.ContainsKey(logicalKey));

    public Task<bool> CanAffordPushAsync(string chatId, CancellationToken ct) => Task.FromResult(CanAfford(chatId));
}
