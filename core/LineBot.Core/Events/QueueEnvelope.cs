namespace LineBot.Events;

/// <summary>
/// One queue message. <see cref="Kind"/> says what the worker does with it: <c>event</c> is one LINE webhook
/// event (its raw JSON inline, or in a blob named by <see cref="BlobName"/> when too large for a queue
/// message); other kinds are the bot's own deferred work (e.g. a content download to retry later).
/// </summary>
internal sealed record QueueEnvelope
{
    public const string EventKind = "event";

    public string Kind { get; init; } = EventKind;
    public string? Destination { get; init; }
    public string? EventJson { get; init; }
    public string? BlobName { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Kind-specific data for non-event work items, as JSON.</summary>
    public string? Payload { get; init; }
}
