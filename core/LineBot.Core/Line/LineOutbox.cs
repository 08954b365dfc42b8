using Azure;
using Azure.Data.Tables;
using LineBot.Storage;
using Microsoft.Extensions.Logging;

namespace LineBot.Line;

internal enum OutboxStatus
{
    /// <summary>Pushed by this call (or accepted earlier under the stored retry key: LINE's 409).</summary>
    Sent,

    /// <summary>A previous call already sent it; nothing was pushed.</summary>
    AlreadySent,
}

internal sealed record OutboxResult(OutboxStatus Status, Guid RetryKey, string? RequestId);

/// <summary>
/// Pushes each logical message at most once. A row per caller's logical key (e.g.
/// <c>digest|2026-W47|group|C123</c>) holds the retry key, created before the first send: after success a second
/// call sends nothing; after a crash before "sent" was written, the re-send carries the same retry key, so LINE
/// answers 409 (already accepted) instead of delivering twice. LINE remembers a key for <see cref="LineLimits.RetryKeyLifetime"/>.
/// Failures throw and leave the row pending, for the caller's retry.
/// </summary>
internal sealed class LineOutbox(StorageClients storage, StorageNames names, LineMessagingClient line, TimeProvider time, ILogger<LineOutbox> logger)
{
    private const string Pending = "pending";
    private const string SentStatus = "sent";

    public async Task<OutboxResult> PushOnceAsync(string logicalKey, string to, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(logicalKey);
        ArgumentException.ThrowIfNullOrEmpty(to);
        LineLimits.Validate(messages);
        var table = await storage.TableAsync(names.OutboxTable, cancellationToken);
        var partition = TableKeys.Escape(logicalKey);

        var row = await ClaimAsync(table, partition, logicalKey, to, messages.Count, cancellationToken);
        var retryKey = row.GetGuid("RetryKey") ?? throw new InvalidOperationException($"Outbox row {logicalKey} has no retry key.");
        if (row.GetString("Status") == SentStatus)
        {
            Log.OutboxAlreadySent(logger, logicalKey);
            return new OutboxResult(OutboxStatus.AlreadySent, retryKey, row.GetString("RequestId"));
        }

        if (row.ETag != default && row.GetDateTimeOffset("CreatedAt") is { } createdAt)
        {
            Log.OutboxResend(logger, logicalKey, retryKey);
            if (time.GetUtcNow() - createdAt > LineLimits.RetryKeyLifetime)
            {
                Log.OutboxStaleKey(logger, logicalKey, retryKey);
            }
        }

        var result = await line.PushAsync(to, messages, retryKey, cancellationToken);

        var sent = new TableEntity(partition, row.RowKey)
        {
            ["Status"] = SentStatus,
            ["SentAt"] = time.GetUtcNow(),
            ["RequestId"] = result.RequestId,
            ["AlreadyAccepted"] = result.AlreadyAccepted,
        };
        await table.UpdateEntityAsync(sent, ETag.All, TableUpdateMode.Merge, CancellationToken.None);
        return new OutboxResult(OutboxStatus.Sent, retryKey, result.RequestId);
    }

    /// <summary>The key's row: created with a new retry key, or the one already there (a retry, or another worker's) for the same recipient.</summary>
    private async Task<TableEntity> ClaimAsync(TableClient table, string partition, string logicalKey, string to, int messageCount, CancellationToken cancellationToken)
    {
        if (await ReadAsync(table, partition, cancellationToken) is { } row)
        {
            if (!string.Equals(row.GetString("To"), to, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Outbox key '{logicalKey}' was used for another recipient.");
            }

            return row;
        }

        var created = new TableEntity(partition, SingleRow.Key(partition))
        {
            ["LogicalKey"] = logicalKey,
            ["RetryKey"] = Guid.NewGuid(),
            ["To"] = to,
            ["Status"] = Pending,
            ["CreatedAt"] = time.GetUtcNow(),
            ["MessageCount"] = messageCount,
        };
        try
        {
            await table.AddEntityAsync(created, cancellationToken);
            return created;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another worker created it first: share its retry key.
            return await ReadAsync(table, partition, cancellationToken) ?? throw new InvalidOperationException($"Outbox row {logicalKey} vanished.", ex);
        }
    }

    /// <summary>
    /// Whether <paramref name="logicalKey"/> was already sent (one point read). Lets a caller skip costly
    /// preparation (e.g. uploading an export) for a push the outbox would not send again; pending rows are false.
    /// </summary>
    public async Task<bool> IsSentAsync(string logicalKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(logicalKey);
        var table = await storage.TableAsync(names.OutboxTable, cancellationToken);
        var row = await ReadAsync(table, TableKeys.Escape(logicalKey), cancellationToken);
        return row?.GetString("Status") == SentStatus;
    }

    // A row claimed before the change of row keys counts too: its retry key and status still hold.
    private static Task<TableEntity?> ReadAsync(TableClient table, string partition, CancellationToken cancellationToken) =>
        SingleRow.GetAsync(table, partition, cancellationToken);
}
