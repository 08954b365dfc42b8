using System.Text.Json.Serialization;
using LineBot.Events;

namespace LineBot.Webhook;

/// <summary>Source-generated JSON for the webhook model and the queue envelope (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(WebhookEvent))]
[JsonSerializable(typeof(QueueEnvelope))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
