using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LineBot.Load.Rig;

namespace LineBot.Load.Scenarios;

/// <summary>
/// <c>ceiling</c>: what the storage emulator itself can serve on this machine, without the bot. Azurite's table
/// service is one Node.js thread, and every event the worker handles costs it a few table calls; its calls per
/// second bound the worker's events per second whatever the bot does. Measures, for <c>--seconds</c> each at
/// <c>--concurrency</c> callers: inserts into fresh partitions (the dedupe claim), and point reads and upserts in
/// partitions already holding 10, 1,000 and 5,000 rows (a week's reports as the province grows). Prints calls/s
/// and the table process's CPU per call, and the events/s those allow at the table calls an event costs. Then the
/// queue process: a send, receive and delete cycle with 0, 1,000 and 5,000 other messages held on the queue.
/// </summary>
internal static class CeilingScenario
{
    /// <summary>Table calls per event besides queue calls, from StorageCallBudgetTests.</summary>
    private static readonly (string Kind, double Calls)[] EventKinds = [("known reporter's report", 6), ("new reporter's report", 9.5), ("command", 2)];

    public static async Task<int> RunAsync(Options options)
    {
        var work = Directory.CreateTempSubdirectory("linebot-ceiling-").FullName;
        await using var azurite = await AzuriteProcess.StartAsync(work, persistent: false, single: options.SingleAzurite);
        Console.WriteLine(Inv($"{azurite.Pids}; {options.Concurrency} callers, {options.Seconds} s per measure; {Environment.ProcessorCount} cores"));
        var service = new TableServiceClient(azurite.ConnectionString);
        var table = service.GetTableClient("ceiling");
        await table.CreateIfNotExistsAsync();
        var duration = TimeSpan.FromSeconds(options.Seconds);

        // Warm-up: JIT and connections, on a table of its own.
        var warm = service.GetTableClient("warmup");
        await warm.CreateIfNotExistsAsync();
        _ = await MeasureAsync(azurite, "warm-up", options.Concurrency, TimeSpan.FromSeconds(3), (i, ct) => warm.AddEntityAsync(new TableEntity("p" + i, ""), ct));

        // Inserts three times over, into a table that grows by what the one before wrote (the dedupe table grows by
        // an event each).
        // Azurite looks a row up by its row key's index first, then compares partition keys: rows that share a row
        // key ("" under a partition per row) are all compared, so the same inserts are measured with the id as
        // the row key too, each in a table of its own.
        var results = new List<(string Name, double PerSecond, double CpuMs)>();
        foreach (var (layout, rowKey) in new (string, Func<string, string>)[] { ("empty row key", _ => ""), ("id as row key", id => id) })
        {
            var growing = service.GetTableClient("ceiling" + (layout.StartsWith('e') ? "empty" : "id"));
            await growing.CreateIfNotExistsAsync();
            var inserted = 0;
            for (var round = 0; round < 3; round++)
            {
                var offset = inserted;
                var result = await MeasureAsync(azurite, Inv($"insert, {layout}, table of {inserted:N0}"), options.Concurrency, duration, (i, ct) =>
                {
                    var id = "fresh" + (offset + i).ToString("D9", CultureInfo.InvariantCulture);
                    return growing.AddEntityAsync(new TableEntity(id, rowKey(id)) { ["State"] = "working" }, ct);
                });
                inserted += result.Calls;
                results.Add((result.Name, result.PerSecond, result.CpuMs));
            }
        }

        foreach (var rows in new[] { 10, 1_000, 5_000 })
        {
            var partition = "w" + rows.ToString(CultureInfo.InvariantCulture);
            await FillAsync(table, partition, rows);
            await AddAsync(MeasureAsync(azurite, Inv($"point read, partition of {rows:N0}"), options.Concurrency, duration,
                (i, ct) => table.GetEntityIfExistsAsync<TableEntity>(partition, Row(i % rows), cancellationToken: ct)));
            await AddAsync(MeasureAsync(azurite, Inv($"upsert, partition of {rows:N0}"), options.Concurrency, duration,
                (i, ct) => table.UpsertEntityAsync(Report(partition, i % rows), TableUpdateMode.Replace, ct)));
            // A report's save: its version row and its current row in one batch.
            await AddAsync(MeasureAsync(azurite, Inv($"batch of 2, partition of {rows:N0}"), options.Concurrency, duration,
                (i, ct) => table.SubmitTransactionAsync(
                    [new(TableTransactionActionType.UpsertReplace, Report(partition, rows + i)), new(TableTransactionActionType.UpsertReplace, Report(partition, i % rows))], ct)));
        }

        async Task AddAsync(Task<Measure> measure)
        {
            var m = await measure;
            results.Add((m.Name, m.PerSecond, m.CpuMs));
        }

        Console.WriteLine();
        Console.WriteLine("What the table calls allow, at the table process's full core (the bot, the queue and the sender need the other):");
        foreach (var (name, perSecond, cpuMs) in results)
        {
            var perCore = 1000 / cpuMs;
            Console.WriteLine(Inv($"  {name,-32} {perSecond,7:0} calls/s measured, {cpuMs:0.000} table CPU ms per call → {perCore,6:0} calls per table CPU second; ")
                + string.Join(", ", EventKinds.Select(k => Inv($"{k.Kind} {perCore / k.Calls:0} events/s"))));
        }

        // A known reporter's report, call by call (StorageCallBudgetTests): the dedupe claim (an insert into a table
        // that grows), the day's current row read and the batch in the week's partition, the evidence mark read, the
        // message index upsert and the dedupe "done" upsert, each in a small partition.
        double Ms(string name) => results.Last(r => r.Name.StartsWith(name, StringComparison.Ordinal)).CpuMs;
        var report = Ms("insert, empty row key") + Ms("point read, partition of 1,000") + Ms("batch of 2, partition of 1,000")
            + Ms("point read, partition of 10") + (2 * Ms("upsert, partition of 10"));
        Console.WriteLine(Inv($"A known reporter's report costs the table process about {report:0.00} ms of CPU: at most {1000 / report:0} events/s with that process at a full core, before any queue, blob or bot work."));
        var selective = report - Ms("insert, empty row key") + Ms("insert, id as row key");
        Console.WriteLine(Inv($"With the claim's id as its row key: about {selective:0.00} ms, at most {1000 / selective:0} events/s."));

        await MeasureQueueAsync(azurite, options.Concurrency, duration);
        return 0;
    }

    /// <summary>
    /// The queue process's CPU for one message's life (the webhook's send, the worker's receive and delete) while
    /// other messages are held invisible, as a backlog is: Azurite scans every message it holds for expired ones
    /// on each of those calls, so a deep backlog makes every queue call dearer.
    /// </summary>
    private static async Task MeasureQueueAsync(AzuriteProcess azurite, int concurrency, TimeSpan duration)
    {
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient("ceiling");
        await queue.CreateIfNotExistsAsync();
        Console.WriteLine();
        var held = 0;
        var cycles = new List<(int Held, double CpuMs)>();
        foreach (var target in new[] { 0, 1_000, 5_000 })
        {
            for (; held < target; held += 50)
            {
                await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => queue.SendMessageAsync("held", visibilityTimeout: TimeSpan.FromHours(1))));
            }

            var m = await MeasureAsync(azurite, Inv($"send+receive+delete, {target:N0} held"), concurrency, duration, async (i, ct) =>
            {
                await queue.SendMessageAsync("m" + i.ToString(CultureInfo.InvariantCulture), ct);
                foreach (var message in (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30), ct)).Value)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                }
            }, "queue");
            cycles.Add((target, m.CpuMs));
        }

        Console.WriteLine("A message's send, receive and delete cost the queue process " + string.Join(", ", cycles.Select(c => Inv($"{c.CpuMs:0.00} ms with {c.Held:N0} held")))
            + Inv($": at most {1000 / cycles[^1].CpuMs:0} messages/s with that process at a full core behind a backlog of {cycles[^1].Held:N0}."));
    }

    private sealed record Measure(string Name, int Calls, double PerSecond, double CpuMs);

    private static async Task<Measure> MeasureAsync(AzuriteProcess azurite, string name, int concurrency, TimeSpan duration, Func<int, CancellationToken, Task> call, string service = "table")
    {
        var next = -1;
        var failures = 0;
        var before = azurite.Stats();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var callers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await call(Interlocked.Increment(ref next), CancellationToken.None);
                }
                catch (RequestFailedException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(callers);
        clock.Stop();
        var after = azurite.Stats();
        // Calls begun before the stop and finished after it count: each one's work is in the CPU figure too.
        var calls = next + 1;
        var tableCpu = after.Processes.Where(p => p.Name.Contains(service, StringComparison.Ordinal)).Sum(p => p.Stats.CpuSeconds)
            - before.Processes.Where(p => p.Name.Contains(service, StringComparison.Ordinal)).Sum(p => p.Stats.CpuSeconds);
        var perSecond = calls / clock.Elapsed.TotalSeconds;
        var cpuMs = 1000 * tableCpu / calls;
        Console.WriteLine(Inv($"{name,-32} {calls,7} calls in {clock.Elapsed.TotalSeconds:0.0} s = {perSecond,6:0} calls/s; {service} process CPU {tableCpu:0.00} s = {cpuMs:0.000} ms per call ({tableCpu / clock.Elapsed.TotalSeconds:P0} of a core); {failures} failed"));
        return new Measure(name, calls, perSecond, cpuMs);
    }

    /// <summary>A partition of report-sized rows, written in batches of 100 (not measured).</summary>
    private static async Task FillAsync(TableClient table, string partition, int rows)
    {
        for (var start = 0; start < rows; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, rows - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Report(partition, i)));
            await table.SubmitTransactionAsync(batch);
        }
    }

    private static string Row(int i) => "20261130|R" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity Report(string partition, int i) => new(partition, Row(i))
    {
        ["Name"] = "นายทดสอบ ระบบ",
        ["Site"] = "HLM ต.บางพระ อ.เมือง",
        ["Activities"] = "1. ขุดคลองไส้ไก่\n2. ปลูกผักสวนครัว\n3. ห่มดินด้วยฟาง",
        ["Problems"] = "ไม่มี",
        ["PhotoCount"] = 2,
    };

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
