using System.Text.Json;

namespace LineBot.Events;

/// <summary>
/// Which queue messages must not run at the same time: the events of one sender in one chat (a report, its edit,
/// its unsend, a photo set). Different senders — even in the same group, where a province's whole traffic is —
/// and different chats run in parallel. Work with no sender (batches, content retries, claim checks) has no key.
/// </summary>
internal static class OrderKey
{
    public static string? Of(string messageText)
    {
        var json = EventQueue.TryRead(messageText) switch
        {
            { Kind: QueueEnvelope.EventKind, EventJson: { } one } => one,
            // A set is one sender's: the key of its first event is the key of all.
            { Kind: QueueEnvelope.SetKind, EventJsons: [var first, ..] } => first,
            // A group or batch has many senders: the worker takes each sender's key for their events.
            _ => null,
        };
        return json is null ? null : OfEvent(json);
    }

    /// <summary>The key of one event's raw JSON (null when it names neither chat nor sender, or does not parse).</summary>
    public static string? OfEvent(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var chat = Text(source, "groupId") ?? Text(source, "roomId");
            var user = Text(source, "userId");
            return chat is null && user is null ? null : $"{chat}|{user}";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The same key for a parsed event (null when it names neither chat nor sender).</summary>
    public static string? Of(Webhook.EventSource? source)
    {
        var chat = source?.GroupId ?? source?.RoomId;
        return chat is null && source?.UserId is null ? null : $"{chat}|{source?.UserId}";
    }

    private static string? Text(JsonElement source, string name) =>
        source.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
