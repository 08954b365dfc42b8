using System.Text.Json.Serialization;

namespace LineBot.Webhook;

/// <summary>Source-generated JSON for the webhook model (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(WebhookEvent))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
