using Azure;
using Azure.Data.Tables;

namespace LineBot.Storage;

/// <summary>
/// Row keys of the tables that hold one row per partition: a claim per event, an index row per report message,
/// a record per photo message, an outbox row per push. The row key repeats the partition key. Azure Storage serves
/// a point call by both keys whatever they are; Azurite finds a row through its row-key index first and then
/// compares partition keys, so when every row had the row key "" each insert and read compared the whole table (an
/// insert took 0.4 ms in an empty table and 4 ms at 11,000 rows; with the id as row key 0.4 ms at 39,000:
/// <c>LineBot.Load ceiling</c>). Rows written before keep <see cref="Legacy"/>; <see cref="GetAsync"/> and
/// <see cref="DeleteAsync"/> find them too, for the callers where taking such a row for missing would do work twice.
/// </summary>
internal static class SingleRow
{
    /// <summary>The row key of rows written before the change.</summary>
    public const string Legacy = "";

    public static string Key(string partitionKey) => partitionKey;

    /// <summary>The partition's row, under its row key or else under <see cref="Legacy"/>; null when there is none.</summary>
    public static async Task<TableEntity?> GetAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, Key(partitionKey), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, Legacy, cancellationToken: cancellationToken);
        }

        return row.HasValue ? row.Value : null;
    }

    /// <summary>Deletes the partition's row under either row key; a row that is not there is no error.</summary>
    public static async Task DeleteAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        foreach (var rowKey in new[] { Key(partitionKey), Legacy })
        {
            try
            {
                await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Not there under this key: nothing to do.
            }
        }
    }
}
