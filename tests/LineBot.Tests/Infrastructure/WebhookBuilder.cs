using System.Text;
using System.Text.Json.Nodes;
using LineBot.Events;
using LineBot.Webhook;

namespace LineBot.Tests.Infrastructure;

/// <summary>Builds LINE webhook bodies the way LINE sends them, and signs them.</summary>
internal static class WebhookBuilder
{
    public const string Destination = "Uffffffffffffffffffffffffffffffff";

    public static string NewEventId() => Ulid();

    public static JsonObject TextEvent(string text, string groupId = "Cgroup1", string? userId = "Uuser1", long? timestamp = null, string? eventId = null, bool redelivery = false, string mode = "active") =>
        Event("message", groupId, userId, timestamp, eventId, redelivery, mode, new JsonObject
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["message"] = new JsonObject
            {
                ["type"] = "text",
                ["id"] = Random.Shared.NextInt64(100000000000, 999999999999).ToString(),
                ["quoteToken"] = "q" + Guid.NewGuid().ToString("N"),
                ["text"] = text,
            },
        });

    public static JsonObject Event(string type, string? groupId, string? userId, long? timestamp = null, string? eventId = null, bool redelivery = false, string mode = "active", JsonObject? extra = null)
    {
        var source = new JsonObject { ["type"] = groupId is null ? "user" : "group" };
        if (groupId is not null)
        {
            source["groupId"] = groupId;
        }

        if (userId is not null)
        {
            source["userId"] = userId;
        }

        var evt = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = timestamp ?? 1764000000000,
            ["source"] = source,
            ["mode"] = mode,
            ["webhookEventId"] = eventId ?? NewEventId(),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = redelivery },
        };
        foreach (var (key, value) in extra ?? [])
        {
            evt[key] = value?.DeepClone();
        }

        return evt;
    }

    public static string Body(params JsonObject[] events) =>
        new JsonObject { ["destination"] = Destination, ["events"] = new JsonArray([.. events]) }.ToJsonString();

    public static HttpRequestMessage Request(string body, string secret, string path = WebhookEndpoints.Route)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("x-line-signature", SignatureValidator.Sign(secret, bytes));
        return request;
    }

    // A ULID-shaped ID (26 Crockford base32 characters), as LINE's webhookEventId.
    private static string Ulid()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[Random.Shared.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
