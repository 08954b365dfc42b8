namespace LineBot.Events;

/// <summary>
/// One queue message. <see cref="Kind"/> says what the worker does with it: <c>event</c> is one LINE webhook
/// event (its raw JSON inline, or in a blob named by <see cref="BlobName"/> when too large for a queue
/// message); other kinds are the bot's own deferred work (e.g. a content download to retry later).
/// </summary>
internal sealed record QueueEnvelope
{
    public const string EventKind = "event";

    /// <summary>Several events of one large webhook body; run like <see cref="GroupKind"/>.</summary>
    public const string BatchKind = "event-batch";

    /// <summary>
    /// The events of webhook bodies that arrived together (<see cref="EventCoalescer"/>), of any senders: each
    /// sender's events in order, different senders in parallel, each event deduped on its own (a retry skips those done).
    /// </summary>
    public const string GroupKind = "event-group";

    /// <summary>
    /// Several events of one sender in one chat from one webhook body (an image set): one message, handled in order
    /// in one go, each event deduped on its own (a retry skips those done).
    /// </summary>
    public const string SetKind = "event-set";

    public string Kind { get; init; } = EventKind;
    public string? Destination { get; init; }
    public string? EventJson { get; init; }

    /// <summary><see cref="GroupKind"/>, <see cref="BatchKind"/> and <see cref="SetKind"/> only: the events' raw JSON, oldest first.</summary>
    public IReadOnlyList<string>? EventJsons { get; init; }
    public string? BlobName { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Kind-specific data for non-event work items, as JSON.</summary>
    public string? Payload { get; init; }
}
