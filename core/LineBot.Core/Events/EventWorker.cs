using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LineBot.Configuration;
using LineBot.Line;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Events;

internal enum WorkOutcome
{
    Processed,
    Duplicate,
    NotAllowed,
}

/// <summary>A queue message that can never succeed (not our format): straight to the poison queue.</summary>
internal sealed class PoisonMessageException(string message) : Exception(message);

/// <summary>Another worker holds the event's claim: try again soon (its lease is short), not after the full retry delay.</summary>
internal sealed class EventBusyException(string message) : InvalidOperationException(message);

/// <summary>
/// Takes one queue message to its handler, exactly once in effect: allow-list first (nothing stored for
/// groups we do not serve), then the dedupe claim, then the dispatcher. Host-agnostic: the Functions queue
/// trigger and <c>linebot serve</c>'s <see cref="QueuePump"/> both call it; a throw means "retry later".
/// </summary>
internal sealed class EventWorker(
    EventQueue queue,
    EventDeduplicator dedupe,
    IEventDispatcher dispatcher,
    Photos.PhotoIngest photos,
    IOptionsMonitor<BotOptions> bot,
    LineMessagingClient line,
    Reporters.ReporterStore reporters,
    KeptEventStore kept,
    KeyedGate order,
    ILogger<EventWorker> logger)
{
    /// <summary>Senders of one group message run at once (each sender's own events one after another).</summary>
    internal const int MaxParallelSenders = 8;

    public async Task<WorkOutcome> ProcessAsync(string messageText, CancellationToken cancellationToken)
    {
        var envelope = EventQueue.TryRead(messageText);
        switch (envelope?.Kind)
        {
            case QueueEnvelope.EventKind:
                return await ProcessEventAsync(envelope, cancellationToken);
            case QueueEnvelope.SetKind:
                // In order; a failure throws and the message comes back, its done events then skipped by their claims.
                foreach (var json in envelope.EventJsons ?? [])
                {
                    await ProcessEventAsync(envelope with { Kind = QueueEnvelope.EventKind, EventJson = json, EventJsons = null }, cancellationToken);
                }

                return WorkOutcome.Processed;
            case QueueEnvelope.GroupKind:
            case QueueEnvelope.BatchKind:
                await ProcessGroupAsync(envelope, cancellationToken);
                Log.GroupRun(logger, envelope.EventJsons?.Count ?? 0);
                return WorkOutcome.Processed;
            case Photos.ContentRetry.Kind:
                await photos.RetryAsync(envelope.Payload, cancellationToken);
                return WorkOutcome.Processed;
            default:
                Log.Unreadable(logger);
                throw new PoisonMessageException(envelope is null ? "not a queue envelope" : $"unknown work kind '{envelope.Kind}'");
        }
    }

    /// <summary>
    /// Each sender's events in order, holding that sender's <see cref="OrderKey"/> (as a message of their own would),
    /// different senders in parallel. Every sender's run goes as far as it can even when another fails; then the
    /// message fails as a whole and comes back, its done events skipped by their claims.
    /// </summary>
    private async Task ProcessGroupAsync(QueueEnvelope envelope, CancellationToken cancellationToken)
    {
        var runs = (envelope.EventJsons ?? []).GroupBy(OrderKey.OfEvent);
        var failures = new ConcurrentQueue<Exception>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSenders, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(runs, parallel, async (run, ct) =>
        {
            using var held = await order.EnterAsync(run.Key, ct);
            foreach (var json in run)
            {
                try
                {
                    await ProcessEventAsync(envelope with { Kind = QueueEnvelope.EventKind, EventJson = json, EventJsons = null }, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // This sender's later events wait for the retry, so that their order holds.
                    failures.Enqueue(ex);
                    return;
                }
            }
        });

        if (failures.IsEmpty)
        {
            return;
        }

        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures.Single());
        }

        // Busy only: retried soon, like a busy single event. Anything else: an ordinary failure, retried and counted.
        throw failures.All(f => f is EventBusyException)
            ? new EventBusyException($"{failures.Count} events of a group are being processed elsewhere.")
            : new AggregateException($"{failures.Count} events of a group failed.", failures);
    }

    private async Task<WorkOutcome> ProcessEventAsync(QueueEnvelope envelope, CancellationToken cancellationToken)
    {
        var json = await queue.ReadEventJsonAsync(envelope, cancellationToken);
        var evt = WebhookEnvelopeParser.ParseEvent(json, out var error)
            ?? throw new PoisonMessageException("queued event does not parse: " + error);

        // An event that belongs in a chat but names none cannot be checked against the allow-list: never processed.
        if (EventChat.NeedsChat(evt.Type) && EventChat.Of(evt.Source) is null)
        {
            Log.NoChat(logger, evt.WebhookEventId, evt.Type, evt.Source?.Type ?? "none");
            return WorkOutcome.NotAllowed;
        }

        if ((evt.Source?.GroupId ?? evt.Source?.RoomId) is { } chat && !bot.CurrentValue.ServesGroup(chat))
        {
            Log.NotAllowed(logger, evt.WebhookEventId, evt.Type, chat);
            if (evt.Type == EventTypes.Join)
            {
                await LeaveAsync(chat, room: evt.Source?.GroupId is null, cancellationToken);
            }

            return WorkOutcome.NotAllowed;
        }

        // One-to-one chats: served only for people the bot knows (admins, and registered field workers and officers).
        // A stranger gets no data and nothing of theirs is stored; adding the bot, or trying a command, earns one
        // polite answer on how to be known (the dispatcher decides and claims it, so it is said once).
        if (evt.Source is { GroupId: null, RoomId: null, UserId: { } user } && !bot.CurrentValue.IsAdmin(user)
            && await reporters.FindByUserIdAsync(user, cancellationToken) is null)
        {
            Log.UnknownUser(logger, evt.WebhookEventId, evt.Type);
            await dispatcher.AnswerStrangerAsync(new EventContext(evt, envelope.Destination ?? ""), cancellationToken);
            return WorkOutcome.NotAllowed;
        }

        // Events without an ID (never from LINE) still get processed, once per message.
        var id = string.IsNullOrEmpty(evt.WebhookEventId) ? $"noid-{evt.Type}-{evt.Timestamp}" : evt.WebhookEventId;
        var context = new EventContext(evt, envelope.Destination ?? "");
        if (UnknownEvents.Reason(evt) is null && await dispatcher.IsInertAsync(context, cancellationToken))
        {
            // Chatter stores and answers nothing, so a second run is harmless: no claim, only the mark that it was seen.
            await dedupe.CompleteAsync(id, evt.Type, cancellationToken);
            Log.Processed(logger, id, evt.Type);
            return WorkOutcome.Processed;
        }

        switch (await dedupe.BeginAsync(id, cancellationToken, redelivered: evt.IsRedelivery))
        {
            case DedupeDecision.AlreadyDone:
                Log.Duplicate(logger, id, evt.IsRedelivery);
                return WorkOutcome.Duplicate;
            case DedupeDecision.Busy:
                Log.Busy(logger, id);
                throw new EventBusyException($"Event {id} is being processed elsewhere.");
        }

        try
        {
            if (UnknownEvents.Reason(evt) is { } unknown)
            {
                // Kept before the event is marked done: `linebot events replay-unknown` can run it through a later build.
                await kept.KeepAsync(KeptKind.Unknown, evt.RawJson, unknown, envelope.Destination, cancellationToken);
                Log.KeptUnknown(logger, evt.WebhookEventId, unknown);
            }
            else
            {
                await dispatcher.DispatchAsync(context, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await dedupe.ReleaseAsync(id, CancellationToken.None);
            throw;
        }

        await dedupe.CompleteAsync(id, evt.Type, cancellationToken);
        Log.Processed(logger, id, evt.Type);
        return WorkOutcome.Processed;
    }

    // Invited into a group or room we do not serve: leave it. Best effort: a failure is logged, never retried or poisoned.
    private async Task LeaveAsync(string groupId, bool room, CancellationToken cancellationToken)
    {
        try
        {
            if (room)
            {
                await line.LeaveRoomAsync(groupId, cancellationToken);
                Log.LeftRoom(logger, groupId);
            }
            else
            {
                await line.LeaveGroupAsync(groupId, cancellationToken);
                Log.LeftGroup(logger, groupId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.LeaveFailed(logger, groupId, ex);
        }
    }
}
