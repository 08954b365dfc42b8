using System.Text.Json;

namespace LineBot.Webhook;

/// <summary>The request body after a valid signature: <c>{destination, events[]}</c>.</summary>
internal sealed record WebhookEnvelope(string Destination, IReadOnlyList<WebhookEvent> Events);

/// <summary>Parses a signed body. Returns null with a reason (never throws) when it is not LINE's shape.</summary>
internal static class WebhookEnvelopeParser
{
    /// <summary>The batch reading, all or nothing: the first event that does not parse fails the whole body.</summary>
    public static WebhookEnvelope? TryParse(ReadOnlyMemory<byte> body, out string? error)
    {
        if (WebhookBatchParser.TryParse(body, out error) is not { } batch)
        {
            return null;
        }

        if (batch.Rejected.Count > 0)
        {
            error = batch.Rejected[0].Reason;
            return null;
        }

        return new WebhookEnvelope(batch.Destination, batch.Events);
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
