using System.Globalization;
using System.Buffers;
using Azure;
using Azure.Storage.Blobs;
using LineBot.Calendar;
using LineBot.Configuration;
using LineBot.Events;
using LineBot.Storage;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Events;

/// <summary>What the webhook answers: a status code and a short reason (never the body or a secret).</summary>
internal sealed record WebhookResult(int StatusCode, string Reason, int EventCount = 0);

/// <summary>
/// The webhook edge, host-agnostic: raw bytes (capped), signature, parse, durable enqueue, then 200.
/// Nothing slow happens before the answer: no LINE call, no parsing of reports, no per-event table work.
/// </summary>
internal sealed class WebhookIngress(
    SignatureValidator signatures,
    EventCoalescer queue,
    KeptEventStore kept,
    StorageClients storage,
    StorageNames names,
    BotClock clock,
    IOptions<StorageOptions> storageOptions,
    ILogger<WebhookIngress> logger)
{
    public async Task<WebhookResult> HandleAsync(Stream body, long? contentLength, string? signature, CancellationToken cancellationToken)
    {
        var max = storageOptions.Value.MaxWebhookBodyBytes;
        if (contentLength > max)
        {
            Log.BodyTooLarge(logger, contentLength.Value, max);
            return new WebhookResult(413, "body too large");
        }

        var raw = await ReadCappedAsync(body, max, cancellationToken);
        if (raw is null)
        {
            Log.BodyTooLarge(logger, -1, max);
            return new WebhookResult(413, "body too large");
        }

        if (!signatures.IsValid(raw.Value.Span, signature))
        {
            Log.BadSignature(logger, signature is null ? "missing" : "invalid", raw.Value.Length);
            return new WebhookResult(401, "invalid signature");
        }

        var batch = WebhookBatchParser.TryParse(raw.Value, out var error);
        try
        {
            if (batch is null)
            {
                var blobName = await KeepMalformedAsync(raw.Value, cancellationToken);
                Log.Malformed(logger, error ?? "unknown", blobName);
                return new WebhookResult(400, "malformed webhook body");
            }

            if (batch.Events.Count == 0 && batch.Rejected.Count == 0)
            {
                return new WebhookResult(200, "connection check");
            }

            // Stored with the bodies that arrive alongside (a large body as batches of its own), so that LINE gets its
            // 200 within 2 s; events that do not parse are kept aside one by one and cost the others nothing.
            await queue.EnqueueEventsAsync(batch.Destination, batch.Events, clock.UtcNow, cancellationToken);
            foreach (var rejected in batch.Rejected)
            {
                await kept.KeepAsync(KeptKind.Malformed, rejected.RawJson, rejected.Reason, batch.Destination, cancellationToken);
                Log.EventKept(logger, rejected.Reason);
            }

            Log.Accepted(logger, batch.Events.Count);
            return new WebhookResult(200, "accepted", batch.Events.Count);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException or AggregateException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // LINE redelivers on a non-2xx: better than losing the events.
            Log.StorageUnavailable(logger, ex);
            return new WebhookResult(503, "storage unavailable");
        }
    }

    private async Task<string> KeepMalformedAsync(ReadOnlyMemory<byte> raw, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(names.RawWebhookContainer, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"malformed/{clock.Today:yyyy-MM-dd}/{Guid.NewGuid():N}.json");
        await container.GetBlobClient(name).UploadAsync(new BinaryData(raw), overwrite: false, cancellationToken);
        return name;
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; null if the body is longer (never buffers more).</summary>
    internal static async Task<ReadOnlyMemory<byte>?> ReadCappedAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
