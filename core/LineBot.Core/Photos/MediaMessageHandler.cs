using LineBot.Calendar;
using LineBot.Events;
using Microsoft.Extensions.Logging;

namespace LineBot.Photos;

/// <summary>Image, video, audio and file messages, and their unsends. No reply per photo: it would flood the group.</summary>
internal sealed class MediaMessageHandler(PhotoIngest ingest, PhotoStore store, BotClock clock, ILogger<MediaMessageHandler> logger)
{
    public async Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        if (evt.Message is not { } message || string.IsNullOrEmpty(message.Id))
        {
            PhotoLog.NoMessage(logger, evt.WebhookEventId);
            return;
        }

        var provider = message.ContentProvider;
        var photo = new PhotoRecord
        {
            MessageId = message.Id,
            Kind = message.Type,
            GroupId = context.GroupId ?? "direct",
            UserId = context.UserId ?? "unknown",
            Date = clock.DateOf(evt.Timestamp),
            Timestamp = evt.Timestamp,
            Provider = provider?.IsExternal == true ? "external" : "line",
            OriginalContentUrl = provider?.OriginalContentUrl,
            PreviewImageUrl = provider?.PreviewImageUrl,
            ImageSetId = message.ImageSet?.Id,
            ImageSetIndex = message.ImageSet?.Index,
            ImageSetTotal = message.ImageSet?.Total,
            Duration = message.Duration,
            FileName = message.FileName,
            FileSize = message.FileSize,
        };
        await ingest.ReceiveAsync(photo, cancellationToken);
    }

    /// <summary>LINE asks bots to delete their copy: the blob and the record go, and the report's count drops.</summary>
    public async Task HandleUnsendAsync(EventContext context, string messageId, CancellationToken cancellationToken)
    {
        if (await store.RemoveAsync(messageId, cancellationToken) is { } removed)
        {
            PhotoLog.Unsent(logger, messageId, removed.Kind);
        }
    }
}
