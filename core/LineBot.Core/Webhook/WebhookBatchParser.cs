using System.Text.Json;

namespace LineBot.Webhook;

/// <summary>One event of a body that could not be read: its JSON exactly as sent, and why.</summary>
internal sealed record RejectedEvent(string RawJson, string Reason);

/// <summary>A LINE envelope read event by event: what parsed, and what did not (kept aside, never fatal to the rest).</summary>
internal sealed record WebhookBatch(string Destination, IReadOnlyList<WebhookEvent> Events, IReadOnlyList<RejectedEvent> Rejected);

/// <summary>
/// Parses a signed body one event at a time, so that one bad event does not cost the others. Null (with a reason)
/// only when the body is not a LINE envelope at all: not UTF-8 JSON, not an object, or no <c>events</c> array.
/// </summary>
internal static class WebhookBatchParser
{
    public static WebhookBatch? TryParse(ReadOnlyMemory<byte> body, out string? error)
    {
        // JsonDocument checks UTF-8 only when a string is read, and then throws outside JsonException (found by the
        // webhook fuzzing of tests/Reliability): LINE sends UTF-8, so anything else is not an envelope.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            error = "body is not valid UTF-8";
            return null;
        }

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
            var rejected = new List<RejectedEvent>();
            foreach (var element in events.EnumerateArray())
            {
                if (WebhookEnvelopeParser.ParseEvent(element, out var reason) is { } evt)
                {
                    parsed.Add(evt);
                }
                else
                {
                    rejected.Add(new RejectedEvent(element.GetRawText(), reason ?? "unreadable event"));
                }
            }

            error = null;
            return new WebhookBatch(destination, parsed, rejected);
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
            return null;
        }
    }
}
