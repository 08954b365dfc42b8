using System.Text.Json;
using LineBot.Calendar;
using LineBot.Events;
using LineBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Photos;

/// <summary>
/// Gets a media message's content into the photos container, once: claims the message, fetches from LINE
/// (or the external provider), streams into a blob with hash and size cap, records the outcome, and attaches
/// stored photos to the sender's report. "Not ready" and transient failures become a delayed queue item, so a
/// worker never waits; after <see cref="PhotoOptions.MaxAttempts"/> the record says failed, with LINE's request ID.
/// </summary>
internal sealed class PhotoIngest(
    PhotoStore store,
    StorageClients storage,
    StorageNames names,
    IMessageContentSource line,
    ExternalContentSource external,
    EventQueue queue,
    BotClock clock,
    IOptionsMonitor<PhotoOptions> options,
    ILogger<PhotoIngest> logger)
{
    /// <summary>
    /// A new message event (image, video, audio or file). Returns the record as this delivery left it, or null
    /// when there was nothing new (unsupported kinds, redeliveries of settled messages).
    /// </summary>
    public async Task<PhotoRecord?> ReceiveAsync(PhotoRecord photo, CancellationToken cancellationToken)
    {
        if (!photo.Kind.IsVisual())
        {
            // Recorded as received; not evidence, not downloaded.
            if (await store.ClaimAsync(photo with { Status = PhotoStatus.Unsupported }, cancellationToken) is null)
            {
                PhotoLog.Unsupported(logger, photo.MessageId, photo.Kind.Name(), photo.FileSize);
            }

            return null;
        }

        if (await store.ClaimAsync(photo, cancellationToken) is { } existing)
        {
            if (existing.Status is not PhotoStatus.Pending)
            {
                // Same message delivered again: what we have stands (a queued retry owns not-ready ones).
                PhotoLog.Duplicate(logger, photo.MessageId, existing.Status.Name());
                return null;
            }

            // A previous attempt died half-way (the event is being retried): carry on from its record.
            photo = existing;
        }

        return await DownloadAsync(photo, requeue: true, cancellationToken);
    }

    /// <summary>A <c>content-retry</c> queue item.</summary>
    public async Task RetryAsync(string? payload, CancellationToken cancellationToken)
    {
        ContentRetry? retry;
        try
        {
            retry = payload is null ? null : JsonSerializer.Deserialize(payload, PhotosJsonContext.Default.ContentRetry);
        }
        catch (JsonException)
        {
            retry = null;
        }

        if (retry is null)
        {
            throw new PoisonMessageException("content-retry item without a readable payload");
        }

        var photo = await store.GetAsync(retry.MessageId, cancellationToken);
        if (photo is null || photo.Status is not (PhotoStatus.Pending or PhotoStatus.NotReady))
        {
            // Unsent meanwhile, or already settled.
            PhotoLog.RetrySkipped(logger, retry.MessageId, photo?.Status.Name() ?? "removed");
            return;
        }

        await DownloadAsync(photo, requeue: true, cancellationToken);
    }

    /// <summary><c>linebot photos retry</c>: tries every failed download once more, now (LINE may still have them).</summary>
    public async Task<(int Tried, int Stored)> RetryFailedAsync(CancellationToken cancellationToken)
    {
        int tried = 0, stored = 0;
        foreach (var photo in await store.ListFailedAsync(cancellationToken))
        {
            tried++;
            var after = await DownloadAsync(photo with { Attempts = 0 }, requeue: false, cancellationToken);
            stored += after.Status == PhotoStatus.Stored ? 1 : 0;
        }

        return (tried, stored);
    }

    private async Task<PhotoRecord> DownloadAsync(PhotoRecord photo, bool requeue, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var attempt = photo.Attempts + 1;
        var preview = photo.Kind == MediaKind.Video;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.DownloadTimeout);

        var fetch = await FetchAsync(photo, preview, timeout.Token, cancellationToken);
        PhotoRecord result;
        if (fetch is ContentFetch.Ready ready)
        {
            using (ready)
            {
                result = await StoreAsync(photo with { Attempts = attempt }, ready, preview, settings.MaxBytes, timeout, cancellationToken);
            }
        }
        else
        {
            result = NotFetched(photo, fetch, attempt);
        }

        // Not ready or transiently failed: again later through the queue, up to MaxAttempts; then failed.
        if (result.Status is PhotoStatus.NotReady or PhotoStatus.Pending)
        {
            if (requeue && attempt < settings.MaxAttempts)
            {
                await ScheduleRetryAsync(result, attempt, settings.RetryDelay, cancellationToken);
                return result;
            }

            result = result with { Status = PhotoStatus.Failed };
        }

        // A stored photo is written attached to the day's report when there is one (one write of its rows, not two).
        result = result.Status == PhotoStatus.Stored
            ? await store.SaveStoredAsync(result, cancellationToken)
            : await SaveAsync(result, cancellationToken);
        await SettledAsync(result, attempt, settings.MaxBytes, cancellationToken);
        return result;
    }

    private async Task<PhotoRecord> SaveAsync(PhotoRecord result, CancellationToken cancellationToken)
    {
        await store.SaveAsync(result, cancellationToken);
        return result;
    }

    /// <summary>The content (a video's preview image) from LINE or the external provider; a timeout is a transient failure.</summary>
    private async Task<ContentFetch> FetchAsync(PhotoRecord photo, bool preview, CancellationToken timeout, CancellationToken cancellationToken)
    {
        try
        {
            return photo.IsExternal
                ? await external.OpenAsync(preview ? photo.PreviewImageUrl : photo.OriginalContentUrl, timeout)
                : preview
                    ? await line.OpenPreviewAsync(photo.MessageId, timeout)
                    : await line.OpenAsync(photo.MessageId, timeout);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ContentFetch.Failed(0, null, "timed out");
        }
    }

    private static PhotoRecord NotFetched(PhotoRecord photo, ContentFetch fetch, int attempt) => fetch switch
    {
        ContentFetch.NotReady n => photo with { Status = PhotoStatus.NotReady, Attempts = attempt, RequestId = n.RequestId, FailStatus = 202, Error = "not ready yet" },
        ContentFetch.Gone g => photo with { Status = PhotoStatus.Gone, Attempts = attempt, RequestId = g.RequestId, FailStatus = g.Status, Error = "gone" },
        ContentFetch.Failed { Status: -1 } r => photo with { Status = PhotoStatus.Refused, Attempts = attempt, Error = r.Reason },
        ContentFetch.Failed f => photo with { Status = f.Transient ? PhotoStatus.Pending : PhotoStatus.Failed, Attempts = attempt, RequestId = f.RequestId, FailStatus = f.Status, Error = f.Reason },
        _ => throw new InvalidOperationException("unknown fetch result"),
    };

    /// <summary>Saves the record as it stands and queues a <c>content-retry</c> item, delayed, so no worker waits.</summary>
    private async Task ScheduleRetryAsync(PhotoRecord result, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        await store.SaveAsync(result, cancellationToken);
        await queue.EnqueueAsync(
            new QueueEnvelope
            {
                Kind = ContentRetry.Kind,
                Payload = JsonSerializer.Serialize(new ContentRetry(result.MessageId), PhotosJsonContext.Default.ContentRetry),
                ReceivedAt = clock.UtcNow,
            },
            delay,
            cancellationToken);
        PhotoLog.RetryScheduled(logger, result.MessageId, result.FailStatus ?? 0, attempt, delay);
    }

    /// <summary>A download that will not be tried again by itself: logged (a stored photo already counts on its report).</summary>
    private async Task SettledAsync(PhotoRecord result, int attempt, long maxBytes, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case PhotoStatus.Stored:
                PhotoLog.Stored(logger, result.MessageId, result.Kind.Name(), result.Size ?? 0, result.BlobName ?? result.PreviewBlobName ?? "");
                break;
            case PhotoStatus.Failed:
                PhotoLog.Failed(logger, result.MessageId, result.FailStatus ?? 0, result.RequestId ?? "-", attempt, result.Error ?? "");
                break;
            case PhotoStatus.Gone:
                PhotoLog.Gone(logger, result.MessageId, result.RequestId ?? "-");
                break;
            case PhotoStatus.Oversize:
                PhotoLog.Oversize(logger, result.MessageId, maxBytes);
                break;
            case PhotoStatus.Refused:
                PhotoLog.Refused(logger, result.MessageId, result.Error ?? "");
                break;
        }
    }

    private async Task<PhotoRecord> StoreAsync(PhotoRecord photo, ContentFetch.Ready ready, bool preview, long maxBytes, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        if (ready.Length > maxBytes)
        {
            return photo with { Status = PhotoStatus.Oversize, Size = ready.Length, RequestId = ready.RequestId, Error = "oversize" };
        }

        try
        {
            // The type is what the first bytes say, not what the sender's provider (or LINE) declares.
            var head = await ImageSniffer.ReadHeadAsync(ready.Content, timeout.Token);
            if (ImageSniffer.TypeOf(head) is not { } checkedType)
            {
                return photo with { Status = PhotoStatus.Refused, ContentType = null, RequestId = ready.RequestId, Error = ImageSniffer.Refusal(ready.ContentType, head) };
            }

            var blobName = PhotoStore.BlobPath(photo, checkedType, preview);
            var container = await storage.ContainerAsync(names.PhotosContainer, cancellationToken);
            var written = await BlobContentWriter.WriteAsync(
                container.GetBlobClient(blobName), new PrefixedStream(head, ready.Content), checkedType, maxBytes, Metadata(photo, preview), timeout.Token);
            return photo with
            {
                Status = PhotoStatus.Stored,
                BlobName = preview ? null : blobName,
                PreviewBlobName = preview ? blobName : photo.PreviewBlobName,
                ContentType = checkedType,
                Size = written.Size,
                Sha256 = written.Sha256,
                RequestId = ready.RequestId,
                FailStatus = null,
                Error = null,
            };
        }
        catch (Exception ex) when (Find<ContentTooLargeException>(ex) is not null)
        {
            return photo with { Status = PhotoStatus.Oversize, ContentType = null, RequestId = ready.RequestId, Error = "oversize" };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is OperationCanceledException or IOException or HttpRequestException || Find<IOException>(ex) is not null))
        {
            // The body broke off or took too long: transient.
            return photo with { Status = PhotoStatus.Pending, RequestId = ready.RequestId, FailStatus = 0, Error = "download interrupted: " + ex.GetType().Name };
        }
    }

    private static Dictionary<string, string> Metadata(PhotoRecord photo, bool preview)
    {
        var metadata = new Dictionary<string, string>
        {
            ["messageid"] = photo.MessageId,
            ["userid"] = photo.UserId,
            ["groupid"] = photo.GroupId,
            ["kind"] = preview ? "video-preview" : photo.Kind.Name(),
        };
        if (photo.ImageSetId is { } set)
        {
            metadata["imagesetid"] = set;
            metadata["imagesetindex"] = photo.ImageSetIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            metadata["imagesettotal"] = photo.ImageSetTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        return metadata;
    }

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }

            if (ex is AggregateException aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
