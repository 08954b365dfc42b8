using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs.Models;
using LineBot.Calendar;
using LineBot.Storage;

namespace LineBot.Events;

/// <summary>Why an event was kept aside instead of processed.</summary>
internal enum KeptKind
{
    /// <summary>Did not parse (<c>webhook-raw/malformed/</c>).</summary>
    Malformed,

    /// <summary>Parsed, but of an event or message type this build does not know (<c>webhook-raw/unknown/</c>).</summary>
    Unknown,
}

/// <summary>One kept blob: a single event (raw JSON, reason, destination) or, for old whole-body blobs, the body.</summary>
internal sealed record KeptEvent(string BlobName, DateTimeOffset KeptAt, string? EventJson, string? Reason, string? Destination, string? WholeBody);

/// <summary>
/// Events set aside in the raw-webhook container, one blob each: <c>{"reason", "destination", "keptAt", "event"}</c>
/// with the event exactly as LINE sent it. The blob is named after the event's <c>webhookEventId</c> (else a hash
/// of its JSON), so a redelivered body keeps nothing twice. Bodies that were not envelopes at all stay whole
/// under <c>malformed/{date}/</c>.
/// </summary>
internal sealed partial class KeptEventStore(StorageClients storage, StorageNames names, EventDeduplicator dedupe, BotClock clock)
{
    public const string MalformedEventsPrefix = "malformed/events/";
    public const string MalformedPrefix = "malformed/";
    public const string UnknownPrefix = "unknown/";

    /// <summary>Keeps one event; false when it was already kept (a redelivery).</summary>
    public async Task<bool> KeepAsync(KeptKind kind, string eventJson, string reason, string? destination, CancellationToken cancellationToken)
    {
        var (key, isEventId) = Key(eventJson);
        // Kept, corrected and replayed already: a late redelivery of the original keeps nothing again.
        if (kind == KeptKind.Malformed && isEventId && await dedupe.IsDoneAsync(key, cancellationToken))
        {
            return false;
        }

        var container = await storage.ContainerAsync(names.RawWebhookContainer, cancellationToken);
        var name = (kind == KeptKind.Malformed ? MalformedEventsPrefix : UnknownPrefix) + key + ".json";
        try
        {
            await container.GetBlobClient(name).UploadAsync(Wrap(eventJson, reason, destination), overwrite: false, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Everything kept of a kind, kept on or after <paramref name="since"/> (a date in the bot's time zone).</summary>
    public async IAsyncEnumerable<KeptEvent> ListAsync(KeptKind kind, DateOnly? since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(names.RawWebhookContainer, cancellationToken);
        var prefix = kind == KeptKind.Malformed ? MalformedPrefix : UnknownPrefix;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            var keptAt = item.Properties.CreatedOn ?? item.Properties.LastModified ?? DateTimeOffset.MinValue;
            if (since is { } day && clock.DateOf(keptAt) < day)
            {
                continue;
            }

            var content = (await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken)).Value.Content;
            yield return Read(item.Name, keptAt, content);
        }
    }

    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(names.RawWebhookContainer, cancellationToken);
        await container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Replaces a kept event's JSON (an operator's correction before a replay; tests).</summary>
    public async Task RewriteAsync(KeptEvent kept, string eventJson, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(names.RawWebhookContainer, cancellationToken);
        await container.GetBlobClient(kept.BlobName).UploadAsync(Wrap(eventJson, kept.Reason ?? "", kept.Destination), overwrite: true, cancellationToken);
    }

    private BinaryData Wrap(string eventJson, string reason, string? destination)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("reason", reason);
            writer.WriteString("destination", destination ?? "");
            writer.WriteString("keptAt", clock.UtcNow);
            writer.WritePropertyName("event");
            // Exactly as LINE sent it (it came out of a parsed array, so it is valid JSON).
            writer.WriteRawValue(eventJson, skipInputValidation: false);
            writer.WriteEndObject();
        }

        return new BinaryData(buffer.ToArray());
    }

    private static KeptEvent Read(string name, DateTimeOffset keptAt, BinaryData content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("event", out var evt) && root.TryGetProperty("reason", out var reason))
            {
                var destination = root.TryGetProperty("destination", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                return new KeptEvent(name, keptAt, evt.GetRawText(), reason.GetString(), destination, null);
            }
        }
        catch (JsonException)
        {
            // Not one of ours: a whole body kept as it came.
        }

        return new KeptEvent(name, keptAt, null, null, null, content.ToString());
    }

    // The webhookEventId when it is a plain ID (LINE's are ULIDs), else a hash of the event's JSON.
    private static (string Key, bool IsEventId) Key(string eventJson)
    {
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("webhookEventId", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { } text && PlainId().IsMatch(text))
            {
                return (text, true);
            }
        }
        catch (JsonException)
        {
            // Hash it below.
        }

        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventJson))), false);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex PlainId();
}
