namespace LineBot.Storage;

/// <summary>
/// Row keys of the tables that hold one row per partition: a claim per event, an index row per report message,
/// a record per photo message. The row key repeats the partition key. Azure Storage serves a point call by both
/// keys whatever they are; Azurite finds a row through its row-key index first and then compares partition keys,
/// so when every row had the row key "" each insert and read compared the whole table (an insert took 0.4 ms in
/// an empty table and 4 ms at 11,000 rows; with the id as row key 0.4 ms at 39,000: <c>LineBot.Load ceiling</c>).
/// Rows written before keep <see cref="Legacy"/>, and are read where taking a row for missing would do work twice.
/// </summary>
internal static class SingleRow
{
    /// <summary>The row key of rows written before the change.</summary>
    public const string Legacy = "";

    public static string Key(string partitionKey) => partitionKey;
}
