using LineBot.Webhook;

namespace LineBot.Events;

/// <summary>Event and message types this build does not know: kept raw, so that a later build can replay them.</summary>
internal static class UnknownEvents
{
    /// <summary>Message types in LINE's schema (sticker is known, and deliberately not handled).</summary>
    private static readonly HashSet<string> KnownMessageTypes = ["text", "image", "video", "audio", "file", "location", "sticker"];

    /// <summary>Why the event is unknown, or null when this build knows its type (and its message's type).</summary>
    public static string? Reason(WebhookEvent evt)
    {
        if (!evt.IsKnownType)
        {
            return $"unknown event type '{evt.Type}'";
        }

        if (evt.Type is EventTypes.Message or EventTypes.MessageEdited && evt.Message is { } message && !KnownMessageTypes.Contains(message.Type))
        {
            return $"unknown message type '{message.Type}'";
        }

        return null;
    }
}
