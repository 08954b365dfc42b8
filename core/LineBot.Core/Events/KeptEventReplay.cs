using LineBot.Calendar;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;

namespace LineBot.Events;

/// <summary>What a replay found: blobs read, events queued (or that would be, on a dry run), and events still kept.</summary>
internal sealed record ReplayCounts(int Read, int Queued, int StillKept);

/// <summary>
/// <c>linebot events replay-malformed|replay-unknown</c>: re-reads kept events with this build's parser and queues
/// those it now reads (and, for unknown ones, now knows). A queued event's blob is deleted, and the worker's dedupe
/// on <c>webhookEventId</c> stands behind that, so replaying twice processes nothing twice.
/// </summary>
internal sealed partial class KeptEventReplay(KeptEventStore kept, EventQueue queue, EventDeduplicator dedupe, BotClock clock, ILogger<KeptEventReplay> logger)
{
    public async Task<ReplayCounts> ReplayAsync(KeptKind kind, DateOnly? since, bool dryRun, CancellationToken cancellationToken)
    {
        int read = 0, queued = 0, still = 0;
        await foreach (var item in kept.ListAsync(kind, since, cancellationToken))
        {
            read++;
            if (item.EventJson is { } json)
            {
                var evt = WebhookEnvelopeParser.ParseEvent(json, out _);
                if (evt is null || (kind == KeptKind.Unknown && UnknownEvents.Reason(evt) is not null))
                {
                    still++;
                    continue;
                }

                queued++;
                if (!dryRun)
                {
                    // A kept unknown event was marked done so that redeliveries stop; this build may now handle it.
                    if (kind == KeptKind.Unknown && evt.WebhookEventId.Length > 0)
                    {
                        await dedupe.ForgetAsync(evt.WebhookEventId, cancellationToken);
                    }

                    await EnqueueAsync(item.Destination, json, cancellationToken);
                    await kept.DeleteAsync(item.BlobName, cancellationToken);
                    LogReplayed(logger, item.BlobName);
                }

                continue;
            }

            // A whole body kept before events were kept one by one: replay it if it is an envelope now.
            if (WebhookBatchParser.TryParse(BinaryData.FromString(item.WholeBody ?? "").ToMemory(), out _) is not { } batch)
            {
                still++;
                continue;
            }

            queued += batch.Events.Count;
            still += batch.Rejected.Count;
            if (!dryRun)
            {
                foreach (var evt in batch.Events)
                {
                    await EnqueueAsync(batch.Destination, evt.RawJson, cancellationToken);
                }

                foreach (var rejected in batch.Rejected)
                {
                    await kept.KeepAsync(KeptKind.Malformed, rejected.RawJson, rejected.Reason, batch.Destination, cancellationToken);
                }

                await kept.DeleteAsync(item.BlobName, cancellationToken);
                LogReplayed(logger, item.BlobName);
            }
        }

        return new ReplayCounts(read, queued, still);
    }

    private Task EnqueueAsync(string? destination, string json, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(new QueueEnvelope { Destination = destination, EventJson = json, ReceivedAt = clock.UtcNow }, cancellationToken: cancellationToken);

    [LoggerMessage(2020, LogLevel.Information, "Kept event {BlobName} queued again.")]
    private static partial void LogReplayed(ILogger logger, string blobName);
}
