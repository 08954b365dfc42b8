using System.Text.Json.Serialization;

namespace LineBot.Events;

/// <summary>Source-generated JSON for the queue envelope (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(QueueEnvelope))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;
