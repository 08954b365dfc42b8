using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using LineBot.Storage;

namespace LineBot.Photos;

/// <summary>
/// One small row per user and day that has photos or a location (<c>e|userId</c>, <c>20261125</c>, in the photos
/// table), so that a report looks for its day's evidence with one point read, and most reports (a day without
/// photos) skip the two range queries of the photo and location rows. Written with every day row and location, once
/// per user and day by this process; read from storage, never from memory alone, so that another instance's photos
/// count too.
/// </summary>
internal sealed class EvidenceMarks(StorageClients storage, StorageNames names)
{
    private const string Prefix = "e|";
    private const int Remembered = 20_000;
    private readonly ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);

    public async Task MarkAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(userId, date);
        if (_written.ContainsKey(partition + row))
        {
            return;
        }

        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(partition, row), TableUpdateMode.Replace, cancellationToken);
        if (_written.Count >= Remembered)
        {
            _written.Clear();
        }

        _written.TryAdd(partition + row, 0);
    }

    /// <summary>Whether the user has photos or a location on that day (the mark is never removed, so "yes" may mean "had").</summary>
    public async Task<bool> AnyAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(userId, date);
        if (_written.ContainsKey(partition + row))
        {
            return true;
        }

        var table = await storage.TableAsync(names.PhotosTable, cancellationToken);
        return (await table.GetEntityIfExistsAsync<TableEntity>(partition, row, select: ["PartitionKey"], cancellationToken: cancellationToken)).HasValue;
    }

    private static (string Partition, string Row) Keys(string userId, DateOnly date) =>
        (Prefix + TableKeys.Escape(userId), date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
}
