using LineBot.Calendar;
using LineBot.Events;
using LineBot.Line;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Photos;

/// <summary>
/// Image, video, audio and file messages, and their unsends. No reply per photo: it would flood the group; only
/// when the last photo of a set (or a single photo) is stored and that day's report exists, one short free reply
/// with the count, while this event's reply token is still valid (never a paid push).
/// </summary>
internal sealed partial class MediaMessageHandler(
    PhotoIngest ingest,
    PhotoStore store,
    ReportStore reports,
    ReplySender replies,
    BotClock clock,
    ILogger<MediaMessageHandler> logger)
{
    public async Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        if (evt.Message is not { } message || string.IsNullOrEmpty(message.Id) || MediaKinds.Parse(message.Type) is not { } kind)
        {
            PhotoLog.NoMessage(logger, evt.WebhookEventId);
            return;
        }

        var provider = message.ContentProvider;
        var photo = new PhotoRecord
        {
            MessageId = message.Id,
            Kind = kind,
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
        if (await ingest.ReceiveAsync(photo, cancellationToken) is { Status: PhotoStatus.Stored } stored)
        {
            await ReplyCountAsync(context, stored, cancellationToken);
        }
    }

    private async Task ReplyCountAsync(EventContext context, PhotoRecord photo, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        // Stored unattached: there is no report of that day to count on, so nothing to say (and nothing to look up).
        if (!context.CanAnswer || evt.ReplyToken is not { Length: > 0 } token || context.ChatId is not { } chatId || context.UserId is null
            || !photo.Attached || photo.ReporterId is not { } reporterId)
        {
            return;
        }

        if (photo.ImageSetId is { } setId)
        {
            // Only the photo that completes its set answers (the others of the set stay silent).
            var day = await store.ListDayAsync(photo.UserId, photo.Date, cancellationToken);
            var set = PhotoGroup.Of(day.Where(p => p.IsEvidence)).FirstOrDefault(g => g.Id == setId);
            if (set is not { Complete: true })
            {
                return;
            }

            // Logged where the set is read anyway (a query only for a log line cost every photo one more call).
            PhotoLog.SetComplete(logger, setId, set.Photos.Count, set.Total);
        }

        if (await reports.GetAsync(reporterId, photo.Date, cancellationToken) is not { } report)
        {
            return;
        }

        try
        {
            var outcome = await replies.SendReplyAsync(
                token,
                chatId,
                [new TextMessage(ReportReplies.PhotosAttached(report.PhotoCount))],
                DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp),
                allowPushFallback: false,
                cancellationToken);
            CountReplied(logger, photo.MessageId, report.PhotoCount, outcome.Kind);
        }
        catch (Exception ex) when (LineUnavailable.OrRefused(ex, cancellationToken))
        {
            CountReplyFailed(logger, photo.MessageId, ex.GetType().Name);
        }
    }

    /// <summary>LINE asks bots to delete their copy: the blob and the record go, and the report's count drops.</summary>
    public async Task HandleUnsendAsync(EventContext context, string messageId, CancellationToken cancellationToken)
    {
        if (await store.RemoveAsync(messageId, cancellationToken) is { } removed)
        {
            PhotoLog.Unsent(logger, messageId, removed.Kind.Name());
        }
    }

    [LoggerMessage(6201, LogLevel.Debug, "Photo {MessageId}: count {Count} answered ({Outcome}).")]
    private static partial void CountReplied(ILogger logger, string messageId, int count, ReplyOutcomeKind outcome);

    [LoggerMessage(6202, LogLevel.Warning, "Photo {MessageId}: count reply failed ({Error}).")]
    private static partial void CountReplyFailed(ILogger logger, string messageId, string error);
}
