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
        if (EventQueue.TryRead(messageText) is not { Kind: QueueEnvelope.EventKind, EventJson: { } json })
        {
            return null;
        }

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

    private static string? Text(JsonElement source, string name) =>
        source.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
