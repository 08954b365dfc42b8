using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace LineBot.Storage;

/// <summary>One kind of prunable blob: where it lives, and how many are (or would be) deleted.</summary>
internal sealed record RetentionCount(string Container, string Prefix, int Days, int Deleted);

/// <summary>
/// Deletes kept-aside events, claim-check blobs and exports older than <see cref="RetentionOptions"/> says, by
/// each blob's last write. Only those prefixes and the exports container: photos and reports are never listed.
/// </summary>
internal sealed class RetentionPruner(StorageClients storage, StorageNames names, IOptions<RetentionOptions> options)
{
    /// <param name="asOf">Now, normally; a later instant previews (with <paramref name="dryRun"/>) what will go by then.</param>
    public async Task<IReadOnlyList<RetentionCount>> PruneAsync(DateTimeOffset asOf, bool dryRun, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var counts = new List<RetentionCount>();
        foreach (var (container, prefix, days) in Rules(settings))
        {
            counts.Add(new RetentionCount(container, prefix, days, await PruneAsync(container, prefix, asOf - TimeSpan.FromDays(days), dryRun, cancellationToken)));
        }

        return counts;
    }

    /// <summary>The rules, as (container, blob name prefix, days): the lifecycle policy in storage.bicep mirrors them.</summary>
    public IEnumerable<(string Container, string Prefix, int Days)> Rules(RetentionOptions settings) =>
    [
        (names.RawWebhookContainer, "malformed/", settings.KeptEventDays),
        (names.RawWebhookContainer, "unknown/", settings.KeptEventDays),
        (names.RawWebhookContainer, "claims/", settings.ClaimCheckDays),
        (names.ExportsContainer, "", settings.ExportDays),
    ];

    private async Task<int> PruneAsync(string containerName, string prefix, DateTimeOffset cutoff, bool dryRun, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(containerName, cancellationToken);
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix.Length == 0 ? null : prefix, cancellationToken))
        {
            if (blob.Properties.LastModified is not { } written || written >= cutoff)
            {
                continue;
            }

            if (!dryRun)
            {
                await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            }

            deleted++;
        }

        return deleted;
    }
}
