using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LineBot.Load.Rig;

namespace LineBot.Load;

/// <summary>
/// End-to-end accounting after a run: what reached storage (claims marked done, report rows, photo records) and
/// what the LINE stand-in received (replies by token), against what was sent. Exactly once means: every distinct
/// event done, each report one current row, each image one record, no reply token used twice, no unknown token.
/// </summary>
internal sealed partial record Accounting(
    int Sent,
    int Done,
    int Missing,
    int Reports,
    int ReportRows,
    int Images,
    int PhotoRecords,
    int RepliesExpected,
    int Replied,
    long RepeatedReplies,
    int UnknownReplies,
    int Queued,
    int Poisoned)
{
    /// <summary>Up to ten of the reports and commands without a reply, as "kind id user", for looking them up in the bot's log.</summary>
    public IReadOnlyList<string> UnrepliedSample { get; init; } = [];

    public bool ExactlyOnce => Missing == 0 && ReportRows == Reports && PhotoRecords == Images && RepeatedReplies == 0 && UnknownReplies == 0;

    /// <summary>Replies still missing (reports and commands get one each); in a fault run some may be recorded as undeliverable.</summary>
    public int Unreplied => RepliesExpected - Replied;

    public static async Task<int> DoneCountAsync(string storage, string prefix)
    {
        var done = 0;
        try
        {
            await foreach (var _ in Table(storage, prefix, "processedevents").QueryAsync<TableEntity>("State eq 'done'", select: ["PartitionKey"]))
            {
                done++;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing processed.
        }

        return done;
    }

    /// <summary>The webhookEventIds whose claim is done.</summary>
    public static async Task<HashSet<string>> DoneIdsAsync(string storage, string prefix)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var e in Table(storage, prefix, "processedevents").QueryAsync<TableEntity>("State eq 'done'", select: ["PartitionKey"]))
            {
                done.Add(e.PartitionKey);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing processed.
        }

        return done;
    }

    /// <summary>The webhookEventIds claimed but not done (a worker holds them, or held them when it died).</summary>
    public static async Task<HashSet<string>> InProgressIdsAsync(string storage, string prefix)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var e in Table(storage, prefix, "processedevents").QueryAsync<TableEntity>("State ne 'done'", select: ["PartitionKey"]))
            {
                claimed.Add(e.PartitionKey);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing claimed.
        }

        return claimed;
    }

    /// <summary>The bot's events queue and its poison queue under <paramref name="prefix"/>.</summary>
    public static (string Events, string Poison) QueueNames(string prefix) => (prefix + "line-events", prefix + "line-events-poison");

    public static async Task<(int Queued, int Poisoned)> QueuesAsync(string storage, string prefix)
    {
        var service = new QueueServiceClient(storage);
        var (events, poison) = QueueNames(prefix);
        return (await CountAsync(service.GetQueueClient(events)), await CountAsync(service.GetQueueClient(poison)));
    }

    public static async Task<Accounting> TakeAsync(string storage, string prefix, IReadOnlyDictionary<string, SentEvent> ledger, FakeLine line)
    {
        var done = await DoneIdsAsync(storage, prefix);
        // One current row per reporter and day reported.
        var reportDays = ledger.Values.Where(e => e.Kind == EventKind.Report).Select(e => e.Day + "|" + e.UserId).ToHashSet(StringComparer.Ordinal);
        var reportRows = 0;
        await foreach (var row in QueryAsync(Table(storage, prefix, "reports"), null, ["PartitionKey", "RowKey"]))
        {
            if (row.PartitionKey.StartsWith('w') && CurrentRow().IsMatch(row.RowKey) && reportDays.Contains(row.RowKey))
            {
                reportRows++;
            }
        }

        var images = ledger.Values.Where(e => e.Kind == EventKind.Image).Select(e => "m|" + e.MessageId).ToHashSet(StringComparer.Ordinal);
        var photoRecords = 0;
        await foreach (var row in QueryAsync(Table(storage, prefix, "photos"), "PartitionKey ge 'm|' and PartitionKey lt 'm}'", ["PartitionKey"]))
        {
            if (images.Contains(row.PartitionKey))
            {
                photoRecords++;
            }
        }

        var tokens = ledger.Values.Where(e => e.ReplyToken is not null).ToDictionary(e => e.ReplyToken!, e => e.Kind, StringComparer.Ordinal);
        var expected = ledger.Values.Count(e => e.Kind is EventKind.Report or EventKind.Command);
        var replied = line.RepliesByToken.Keys.Count(t => tokens.TryGetValue(t, out var kind) && kind is EventKind.Report or EventKind.Command);
        var unknown = line.RepliesByToken.Keys.Count(t => !tokens.ContainsKey(t));
        var unreplied = ledger.Values.Where(e => e.Kind is EventKind.Report or EventKind.Command && (e.ReplyToken is null || !line.RepliesByToken.ContainsKey(e.ReplyToken)))
            .Take(10).Select(e => $"{e.Kind} {e.Id} {e.UserId}").ToList();
        var (queued, poisoned) = await QueuesAsync(storage, prefix);
        return new Accounting(
            ledger.Count, ledger.Keys.Count(done.Contains), ledger.Keys.Count(k => !done.Contains(k)),
            reportDays.Count, reportRows, images.Count, photoRecords,
            expected, replied, line.RepeatedReplies, unknown, queued, poisoned)
        {
            UnrepliedSample = unreplied,
        };
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  events sent (distinct): {Sent}; processed (claim done): {Done}; missing: {Missing}; still queued: {Queued}; poisoned: {Poisoned}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  reports: {Reports} reporter-days reported, {ReportRows} current rows; images: {Images} sent, {PhotoRecords} photo records");
        text.AppendLine(CultureInfo.InvariantCulture, $"  LINE stand-in: {Replied} of {RepliesExpected} reports/commands replied, {RepeatedReplies} reply tokens used twice, {UnknownReplies} replies to tokens never sent");
        if (UnrepliedSample.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  without a reply (first {UnrepliedSample.Count}): {string.Join("; ", UnrepliedSample)}");
        }

        text.Append(CultureInfo.InvariantCulture, $"  exactly once: {(ExactlyOnce ? "yes" : "NO")}");
        return text.ToString();
    }

    // A table the run never created (no report sent, say) reads as empty.
    private static async IAsyncEnumerable<TableEntity> QueryAsync(TableClient table, string? filter, string[] select)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No such table: no rows.
        }

        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static TableClient Table(string storage, string prefix, string name) => new TableServiceClient(storage).GetTableClient(prefix + name);

    private static async Task<int> CountAsync(QueueClient queue)
    {
        try
        {
            return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"^\d{8}\|U[0-9a-f]{32}$")]
    private static partial Regex CurrentRow();
}
