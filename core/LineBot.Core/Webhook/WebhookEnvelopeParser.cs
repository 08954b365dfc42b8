using System.Text.Json;

namespace LineBot.Webhook;

/// <summary>The request body after a valid signature: <c>{destination, events[]}</c>.</summary>
internal sealed record WebhookEnvelope(string Destination, IReadOnlyList<WebhookEvent> Events);

/// <summary>Parses a signed body. Returns null with a reason (never throws) when it is not LINE's shape.</summary>
internal static class WebhookEnvelopeParser
{
    public static WebhookEnvelope? TryParse(ReadOnlyMemory<byte> body, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "body is not a JSON object";
                return null;
            }

            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                error = "events is missing or not an array";
                return null;
            }

            var destination = root.TryGetProperty("destination", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
            var parsed = new List<WebhookEvent>(events.GetArrayLength());
            foreach (var element in events.EnumerateArray())
            {
                var evt = ParseEvent(element, out error);
                if (evt is null)
                {
                    return null;
                }

                parsed.Add(evt);
            }

            error = null;
            return new WebhookEnvelope(destination, parsed);
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
            return null;
        }
    }

    /// <summary>One event; unknown types parse too (common fields, raw JSON kept).</summary>
    public static WebhookEvent? ParseEvent(JsonElement element, out string? error)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            error = "an event has no type";
            return null;
        }

        try
        {
            var evt = element.Deserialize(WebhookJsonContext.Default.WebhookEvent);
            if (evt is null)
            {
                error = "an event is null";
                return null;
            }

            error = null;
            return evt with { RawJson = element.GetRawText() };
        }
        catch (JsonException ex)
        {
            error = $"event of type {type.GetString()} has the wrong shape: {ex.Message}";
            return null;
        }
    }

    public static WebhookEvent? ParseEvent(string json, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return ParseEvent(document.RootElement, out error);
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
            return null;
        }
    }
}
