using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using LineBot.Storage;
using LineBot.Webhook;

namespace LineBot.Events;

/// <summary>Puts work on the events queue durably; an oversized event goes through a blob (claim check).</summary>
internal sealed class EventQueue(StorageClients storage, StorageNames names)
{
    // A queue message holds 64 KiB; leave room for the envelope and XML escaping.
    internal const int MaxInlineBytes = 40 * 1024;

    public async Task EnqueueAsync(QueueEnvelope envelope, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(names.EventsQueue, cancellationToken);
        if (envelope.EventJson is { } json && Encoding.UTF8.GetByteCount(json) > MaxInlineBytes)
        {
            var container = await storage.ContainerAsync(names.RawWebhookContainer, cancellationToken);
            var blobName = $"claims/{Guid.NewGuid():N}.json";
            await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken);
            envelope = envelope with { EventJson = null, BlobName = blobName };
        }

        var text = JsonSerializer.Serialize(envelope, EventsJsonContext.Default.QueueEnvelope);
        await queue.SendMessageAsync(text, visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    /// <summary>Bound on concurrent sends for one webhook body.</summary>
    internal const int MaxConcurrentSends = 32;

    /// <summary>Above this many events, a body is queued as batches of events, each run by the worker like a group.</summary>
    internal const int BatchThreshold = 50;

    /// <summary>
    /// The events of one webhook body, oldest first (the webhook goes through <see cref="EventCoalescer"/>, which
    /// sends only bodies too large to share a message here). A few go one message each (sent concurrently); a large
    /// body goes as a few batch messages (<see cref="QueueEnvelope.BatchKind"/>) that the worker runs like a group, so
    /// that LINE gets its 200 within 2 s however many events came. Queue order was never a promise (storage queues are
    /// not FIFO and workers run messages in parallel); handlers go by the event's timestamp.
    /// </summary>
    public Task EnqueueEventsAsync(string destination, IReadOnlyCollection<WebhookEvent> events, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var ordered = events.OrderBy(e => e.Timestamp).Select(e => e.RawJson);
        if (IsSet(events))
        {
            // One sender's few events (an image set): one message, one send, one receive and one delete for all.
            return EnqueueAsync(new QueueEnvelope { Kind = QueueEnvelope.SetKind, Destination = destination, EventJsons = [.. ordered], ReceivedAt = receivedAt }, cancellationToken: cancellationToken);
        }

        var envelopes = events.Count > BatchThreshold
            ? Batch(ordered).Select(batch => batch.Count == 1
                ? new QueueEnvelope { Destination = destination, EventJson = batch[0], ReceivedAt = receivedAt }
                : new QueueEnvelope { Kind = QueueEnvelope.BatchKind, Destination = destination, EventJsons = batch, ReceivedAt = receivedAt })
            : ordered.Select(json => new QueueEnvelope { Destination = destination, EventJson = json, ReceivedAt = receivedAt });
        return SendAllAsync(envelopes, cancellationToken);
    }

    // Two or more events, all of one sender in one chat, that fit in one message together.
    private static bool IsSet(IReadOnlyCollection<WebhookEvent> events)
    {
        if (events.Count < 2 || events.Count > BatchThreshold || OrderKey.Of(events.First().Source) is not { } key)
        {
            return false;
        }

        var size = 0;
        foreach (var e in events)
        {
            size += EscapedSize(e.RawJson);
            if (size > MaxInlineBytes || OrderKey.Of(e.Source) != key)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An event's JSON measured as a queue message holds it: escaped inside the envelope, quoted, comma.</summary>
    internal static int EscapedSize(string json) => JsonEncodedText.Encode(json).EncodedUtf8Bytes.Length + 3;

    private Task SendAllAsync(IEnumerable<QueueEnvelope> envelopes, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            envelopes,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentSends, CancellationToken = cancellationToken },
            async (envelope, ct) => await EnqueueAsync(envelope, cancellationToken: ct));

    // Events packed up to the inline limit, measured as they will be written (JSON-escaped inside the envelope);
    // an event too large for a batch goes alone (and through a claim-check blob).
    private static IEnumerable<List<string>> Batch(IEnumerable<string> events)
    {
        var batch = new List<string>();
        var size = 0;
        foreach (var json in events)
        {
            var escaped = EscapedSize(json);
            if (batch.Count > 0 && size + escaped > MaxInlineBytes)
            {
                yield return batch;
                batch = [];
                size = 0;
            }

            batch.Add(json);
            size += escaped;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>The event JSON of an envelope, from the message itself or its claim-check blob.</summary>
    public async Task<string> ReadEventJsonAsync(QueueEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.EventJson is { } json)
        {
            return json;
        }

        if (envelope.BlobName is null)
        {
            throw new InvalidOperationException("Queue message has neither event JSON nor a claim-check blob.");
        }

        var container = await storage.ContainerAsync(names.RawWebhookContainer, cancellationToken);
        var content = await container.GetBlobClient(envelope.BlobName).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToString();
    }

    public static QueueEnvelope? TryRead(string messageText)
    {
        try
        {
            return JsonSerializer.Deserialize(messageText, EventsJsonContext.Default.QueueEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
