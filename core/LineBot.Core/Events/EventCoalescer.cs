using LineBot.Webhook;

namespace LineBot.Events;

/// <summary>
/// Group commit for the webhook: the events of webhook bodies that arrive while a queue send is in flight go out
/// together as one queue message (<see cref="QueueEnvelope.GroupKind"/>), and every one of those requests gets its
/// 200 only when that message is stored. With no other request waiting, a body is sent at once, so a quiet bot adds
/// no latency; under load the messages grow instead of the queue, and the queue's send, receive and delete are paid
/// once per message rather than once per event (a deep queue is what slows the storage service most).
/// </summary>
internal sealed class EventCoalescer(EventQueue queue)
{
    /// <summary>Queue sends in flight at once; while they are, new bodies wait and go together in the next one.</summary>
    internal const int MaxConcurrentSends = 2;

    private readonly Lock _lock = new();
    private readonly Queue<Pending> _pending = new();
    private int _senders;

    /// <summary>Stores the events of one webhook body on the queue (with others' when they coincide); returns when they are stored.</summary>
    public Task EnqueueEventsAsync(string destination, IReadOnlyCollection<WebhookEvent> events, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var size = 0;
        foreach (var e in events)
        {
            size += EventQueue.EscapedSize(e.RawJson);
        }

        if (events.Count > EventQueue.BatchThreshold || size > EventQueue.MaxInlineBytes)
        {
            // Too large to share a message: batches or claim-check blobs of its own.
            return queue.EnqueueEventsAsync(destination, events, receivedAt, cancellationToken);
        }

        var ordered = events.OrderBy(e => e.Timestamp).ToList();
        var pending = new Pending(destination, [.. ordered.Select(e => e.RawJson)], [.. ordered.Select(e => OrderKey.Of(e.Source))], receivedAt, size);
        bool start;
        lock (_lock)
        {
            _pending.Enqueue(pending);
            start = _senders < MaxConcurrentSends;
            if (start)
            {
                _senders++;
            }
        }

        if (start)
        {
            _ = Task.Run(SendWhilePendingAsync, CancellationToken.None);
        }

        // A caller that gives up (its request was aborted) does not withdraw its events: LINE then delivers them
        // again, and the dedupe claims make the second copy a no-op.
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task SendWhilePendingAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _senders--;
                    return;
                }

                batch = TakeBatch();
            }

            try
            {
                await queue.EnqueueAsync(Envelope(batch), cancellationToken: CancellationToken.None);
                foreach (var p in batch)
                {
                    p.Stored.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                // Every body of this message gets its 503 and LINE sends it again; nothing was stored half.
                foreach (var p in batch)
                {
                    p.Stored.TrySetException(ex);
                }
            }
        }
    }

    // Oldest bodies first, one destination per message, up to what a queue message holds.
    private List<Pending> TakeBatch()
    {
        var batch = new List<Pending> { _pending.Dequeue() };
        var size = batch[0].Size;
        while (_pending.TryPeek(out var next) && next.Destination == batch[0].Destination && size + next.Size <= EventQueue.MaxInlineBytes)
        {
            batch.Add(_pending.Dequeue());
            size += next.Size;
        }

        return batch;
    }

    /// <summary>One event as it always went; one sender's events as a set; anything else as a group.</summary>
    private static QueueEnvelope Envelope(List<Pending> batch)
    {
        var jsons = batch.SelectMany(p => p.EventJsons).ToList();
        var keys = batch.SelectMany(p => p.Keys).ToList();
        var first = batch[0];
        var receivedAt = batch.Min(p => p.ReceivedAt);
        if (jsons.Count == 1)
        {
            return new QueueEnvelope { Destination = first.Destination, EventJson = jsons[0], ReceivedAt = receivedAt };
        }

        var kind = keys[0] is { } key && keys.All(k => k == key) ? QueueEnvelope.SetKind : QueueEnvelope.GroupKind;
        return new QueueEnvelope { Kind = kind, Destination = first.Destination, EventJsons = jsons, ReceivedAt = receivedAt };
    }

    private sealed record Pending(string Destination, IReadOnlyList<string> EventJsons, IReadOnlyList<string?> Keys, DateTimeOffset ReceivedAt, int Size)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
