using System.Globalization;
using Azure.Storage.Blobs.Models;
using LineBot.Calendar;
using LineBot.Storage;
using Microsoft.Extensions.Logging;

namespace LineBot.Exports;

/// <summary>An uploaded export: a read-only link that stops working at <see cref="ExpiresOn"/>.</summary>
internal sealed record ExportLink(Uri Uri, string BlobName, DateTimeOffset ExpiresOn);

/// <summary>
/// Puts exports in the private exports container and hands out expiring read-only SAS links (bots cannot send
/// files on LINE). Signs with the account key when it is known, else with a user delegation key (managed identity).
/// </summary>
internal sealed partial class ExportStore(StorageClients storage, StorageNames names, BotClock clock, LinkClock linkClock, ILogger<ExportStore> logger)
{
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(7);

    /// <summary>Azure's limit for a user delegation key (and so for links signed with one).</summary>
    public static readonly TimeSpan MaxDelegationValidity = BlobLinks.MaxDelegationValidity;

    public async Task<ExportLink> UploadAsync(string fileName, byte[] content, string contentType, TimeSpan? validFor = null, CancellationToken cancellationToken = default)
    {
        var container = await storage.ContainerAsync(names.ExportsContainer, cancellationToken);
        var now = clock.UtcNow;
        // A unique folder per upload: links never collide, and old ones keep pointing at what was sent.
        var blobName = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy/MM/dd}/{Guid.NewGuid():N}/{SafeFileName(fileName)}");
        var blob = container.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = contentType,
                ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}",
            },
        }, cancellationToken);

        var link = await BlobLinks.ReadOnlyAsync(storage, blob, linkClock.UtcNow, validFor ?? DefaultValidity, cancellationToken);
        Log.Uploaded(logger, blobName, content.Length, link.ExpiresOn);
        return new ExportLink(link.Uri, blobName, link.ExpiresOn);
    }

    /// <summary>Blob names keep letters (Thai vowels and tone marks too), digits, dot, dash and underscore.</summary>
    internal static string SafeFileName(string fileName)
    {
        var clean = new string([.. fileName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_'
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark ? c : '_')]);
        return clean.Length == 0 ? "export" : clean;
    }

    private static partial class Log
    {
        [LoggerMessage(5101, LogLevel.Information, "Export {BlobName} uploaded ({Bytes} bytes); link valid until {ExpiresOn}.")]
        public static partial void Uploaded(ILogger logger, string blobName, int bytes, DateTimeOffset expiresOn);
    }
}
