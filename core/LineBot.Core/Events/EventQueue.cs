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

        var text = JsonSerializer.Serialize(envelope, WebhookJsonContext.Default.QueueEnvelope);
        await queue.SendMessageAsync(text, visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    /// <summary>Bound on concurrent sends for one webhook body: enough to answer 2,000 events well within LINE's 2 s.</summary>
    internal const int MaxConcurrentSends = 32;

    /// <summary>
    /// One message per event, started oldest first and sent concurrently. Order on the queue was never a promise
    /// (storage queues are not FIFO and workers run messages in parallel); handlers go by the event's timestamp.
    /// </summary>
    public Task EnqueueEventsAsync(string destination, IEnumerable<WebhookEvent> events, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            events.OrderBy(e => e.Timestamp),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentSends, CancellationToken = cancellationToken },
            async (evt, ct) => await EnqueueAsync(new QueueEnvelope { Destination = destination, EventJson = evt.RawJson, ReceivedAt = receivedAt }, cancellationToken: ct));

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
            return JsonSerializer.Deserialize(messageText, WebhookJsonContext.Default.QueueEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
