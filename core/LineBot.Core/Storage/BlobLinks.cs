using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace LineBot.Storage;

/// <summary>A read-only link to one private blob, and when it stops working.</summary>
internal sealed record BlobLink(Uri Uri, DateTimeOffset ExpiresOn);

/// <summary>
/// Signs expiring read-only SAS links for blobs in our private containers (exports, evidence photos): with the
/// account key when it is known, else with a user delegation key (managed identity), which Azure caps at 7 days.
/// </summary>
internal static class BlobLinks
{
    /// <summary>Azure's limit for a user delegation key (and so for links signed with one).</summary>
    public static readonly TimeSpan MaxDelegationValidity = TimeSpan.FromDays(7);

    /// <param name="contentDisposition">Overrides the blob's Content-Disposition in the response (e.g. <c>attachment</c>), whatever the blob says.</param>
    public static async Task<BlobLink> ReadOnlyAsync(
        StorageClients storage, BlobClient blob, DateTimeOffset now, TimeSpan validity, CancellationToken cancellationToken, string? contentDisposition = null)
    {
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + validity)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            // Clock skew between us and storage should not make a fresh link fail.
            StartsOn = now.AddMinutes(-5),
            // Links travel through chats: never usable over plain http (only the local emulator speaks http).
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentDisposition = contentDisposition,
        };

        if (storage.CanSignWithKey)
        {
            return new BlobLink(blob.GenerateSasUri(sas), sas.ExpiresOn);
        }

        if (validity > MaxDelegationValidity)
        {
            sas.ExpiresOn = now + MaxDelegationValidity;
        }

        var key = await storage.Blobs.GetUserDelegationKeyAsync(sas.StartsOn, sas.ExpiresOn, cancellationToken);
        var uri = new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, storage.Blobs.AccountName) }.ToUri();
        return new BlobLink(uri, sas.ExpiresOn);
    }
}
