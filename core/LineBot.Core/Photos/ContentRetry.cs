using System.Text.Json.Serialization;

namespace LineBot.Photos;

/// <summary>
/// Queue work item (<see cref="Events.QueueEnvelope.Kind"/> <c>content-retry</c>): download a message's content
/// again later, without holding a worker while LINE prepares it. The record in the photos table has the rest.
/// </summary>
internal sealed record ContentRetry(string MessageId)
{
    public const string Kind = "content-retry";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ContentRetry))]
internal sealed partial class PhotosJsonContext : JsonSerializerContext;
