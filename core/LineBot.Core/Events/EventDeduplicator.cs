using Azure;
using Azure.Data.Tables;
using LineBot.Calendar;
using LineBot.Storage;

namespace LineBot.Events;

internal enum DedupeDecision
{
    /// <summary>First time (or a previous attempt died): process it.</summary>
    Process,

    /// <summary>Already processed: do nothing.</summary>
    AlreadyDone,

    /// <summary>Another worker holds it right now: try again later.</summary>
    Busy,
}

/// <summary>
/// Exactly-once in effect on <c>webhookEventId</c>: a conditional insert claims the event (409 = someone has
/// it); the claim becomes "done" after the handler succeeds. A claim whose lease ran out (the worker died) can
/// be taken over, so a crash never loses an event; handlers are idempotent for that case.
/// </summary>
internal sealed class EventDeduplicator(StorageClients storage, StorageNames names, BotClock clock)
{
    // A claim's State column.
    private const string Processing = "processing";
    private const string Done = "done";
    private const string Failed = "failed";

    // Under the serve worker's visibility window (30 s) and a reply token's life: the events of a process that died
    // reappear with their claims already free, and are answered in time.
    internal static readonly TimeSpan Lease = TimeSpan.FromSeconds(25);

    /// <param name="redelivered">
    /// LINE says it sent the event before: most likely done already, so the claim is read first (one call for a
    /// duplicate instead of a failed insert and a read).
    /// </param>
    public async Task<DedupeDecision> BeginAsync(string webhookEventId, CancellationToken cancellationToken, bool redelivered = false)
    {
        var table = await storage.TableAsync(names.ProcessedEventsTable, cancellationToken);
        var now = clock.UtcNow;
        if (redelivered && await IsDoneAsync(table, webhookEventId, cancellationToken))
        {
            return DedupeDecision.AlreadyDone;
        }

        var claim = new TableEntity(Key(webhookEventId), SingleRow.Key(Key(webhookEventId)))
        {
            ["State"] = Processing,
            ["LeaseUntil"] = now + Lease,
            ["Attempts"] = 1,
        };
        try
        {
            await table.AddEntityAsync(claim, cancellationToken);
            return DedupeDecision.Process;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            var entity = existing.Value;
            if (entity.GetString("State") == Done)
            {
                return DedupeDecision.AlreadyDone;
            }

            if (entity.GetDateTimeOffset("LeaseUntil") > now)
            {
                return DedupeDecision.Busy;
            }

            entity["LeaseUntil"] = now + Lease;
            entity["Attempts"] = (entity.GetInt32("Attempts") ?? 1) + 1;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return DedupeDecision.Process;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                return DedupeDecision.Busy;
            }
        }
    }

    public async Task CompleteAsync(string webhookEventId, string eventType, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ProcessedEventsTable, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(Key(webhookEventId), SingleRow.Key(Key(webhookEventId))) { ["State"] = Done, ["Type"] = eventType, ["DoneAt"] = clock.UtcNow },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>Releases a claim after a failure so that the next delivery of the message can process it at once.</summary>
    public async Task ReleaseAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ProcessedEventsTable, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(Key(webhookEventId), SingleRow.Key(Key(webhookEventId))) { ["State"] = Failed, ["LeaseUntil"] = clock.UtcNow },
            TableUpdateMode.Merge,
            cancellationToken);
    }

    public async Task<bool> IsDoneAsync(string webhookEventId, CancellationToken cancellationToken) =>
        await IsDoneAsync(await storage.TableAsync(names.ProcessedEventsTable, cancellationToken), webhookEventId, cancellationToken);

    /// <summary>Drops the record of an event, so that it is processed again (a kept unknown event replayed).</summary>
    public async Task ForgetAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ProcessedEventsTable, cancellationToken);
        await SingleRow.DeleteAsync(table, Key(webhookEventId), cancellationToken);
    }

    /// <summary>
    /// Done under either row key. A claim of before the change of row keys matters only to a redelivery (LINE's
    /// or a kept event's); a message that reappears on the queue across the change is taken over like a dead
    /// worker's claim, which handlers are idempotent for.
    /// </summary>
    private static async Task<bool> IsDoneAsync(TableClient table, string webhookEventId, CancellationToken cancellationToken) =>
        (await SingleRow.GetAsync(table, Key(webhookEventId), cancellationToken))?.GetString("State") == Done;

    // Table keys may not contain / \ # ?; webhook event IDs are ULIDs, but be safe with anything LINE sends.
    private static string Key(string id) => TableKeys.Escape(id);
}
