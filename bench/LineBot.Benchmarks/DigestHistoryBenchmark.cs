using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Benchmarks;

/// <summary>
/// The digest for 1,000 reporters with 1 and with 52 older weeks of history, the two sides alternating (A B B A …)
/// in one run, each round printing the 52/1 ratio and the end the median (goal ≤ 1.2):
/// <c>dotnet run -c Release --project bench/LineBot.Benchmarks -- digest-history pure [rounds]</c> — the week's
/// partition taken from N weeks held in memory, then calculator, flex pages and text (thread CPU time, allocations);
/// <c>… -- digest-history storage [rounds] [weeks]</c> (LINEBOT_TEST_STORAGE set) — two table sets in one Azurite,
/// one with 1 older week, one with 52, read by <see cref="DigestService"/> (WeekAsync, StatusAsync) as the bot does,
/// with the storage requests per read counted and a raw one-partition query of each reports table timed alongside,
/// so that a cost of the emulator's own (a scan of the whole table) shows apart from the bot's.
/// </summary>
internal static class DigestHistoryBenchmark
{
    private const int Reporters = 1_000;
    private const int Districts = 20;
    private static readonly DateOnly Week = new(2026, 11, 23);

    // Friday 27 Nov 2026, 17:00 Bangkok: the week so far is the whole working week.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 6;
        var weeks = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 52;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nproc {Environment.ProcessorCount}, load average {LoadAverage()}"));
        return args.Length > 1 && args[1] == "storage" ? StorageAsync(rounds, weeks) : Task.FromResult(Pure(rounds, weeks));
    }

    private static int Pure(int rounds, int weeks)
    {
        var roster = Roster();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
        var sides = new[] { (Label: "1 older week", Weeks: 1), (Label: $"{weeks} older weeks", Weeks: weeks) }
            .Select(s => (s.Label, Tables: InMemoryWeeks(roster, s.Weeks)))
            .ToArray();
        int Digest((Dictionary<string, List<DailyReport>> Reports, Dictionary<string, List<PhotoRecord>> Photos) tables)
        {
            // As DigestService.LoadWeekAsync: the week's partition of each table, never the history.
            var partition = ReportStore.WeekPartition(Week);
            var input = new DigestInput(roster, tables.Reports[partition], new HashSet<DateOnly>(), [], new ReportWeek(Week), Now, zone) { Photos = tables.Photos[partition] };
            var digest = WeeklyDigestCalculator.Calculate(input);
            return DigestFlexBuilder.Build(digest).Count + DigestText.Render(digest).Length;
        }

        foreach (var side in sides)
        {
            for (var i = 0; i < 20; i++)
            {
                Digest(side.Tables);
            }
        }

        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { 0, 1 } : [1, 0];
            var medians = new double[2];
            var bytes = new double[2];
            foreach (var s in order)
            {
                var times = new List<double>();
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 15; i++)
                {
                    var start = NativeMethods.ThreadCpuNanoseconds();
                    Digest(sides[s].Tables);
                    times.Add((NativeMethods.ThreadCpuNanoseconds() - start) / 1e6);
                }

                bytes[s] = (GC.GetAllocatedBytesForCurrentThread() - before) / 15.0;
                medians[s] = Median(times);
            }

            ratios.Add(medians[1] / medians[0]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {sides[0].Label} {medians[0]:0.00} ms CPU, {bytes[0] / 1024 / 1024:0.0} MB allocated; {sides[1].Label} {medians[1]:0.00} ms CPU, {bytes[1] / 1024 / 1024:0.0} MB allocated; ratio {ratios[^1]:0.00}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pure digest {weeks}/1 weeks: median ratio {Median(ratios):0.00} (goal <= 1.2); load average {LoadAverage()}"));
        return 0;
    }

    private static async Task<int> StorageAsync(int rounds, int weeks)
    {
        var connection = Environment.GetEnvironmentVariable("LINEBOT_TEST_STORAGE");
        if (string.IsNullOrEmpty(connection))
        {
            Console.Error.WriteLine("Set LINEBOT_TEST_STORAGE to an Azurite (or storage account) connection string.");
            return 2;
        }

        var roster = Roster();
        var counter = new CountingPolicy();
        var sides = new List<Side>();
        foreach (var (label, older) in new[] { ("1 older week", 1), ($"{weeks} older weeks", weeks) })
        {
            var side = await Side.CreateAsync(label, connection, counter);
            var seed = Stopwatch.StartNew();
            await Parallel.ForEachAsync(roster, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) => await side.Reporters.SaveAsync(r, ct));
            for (var w = 0; w <= older; w++)
            {
                await SeedWeekAsync(side.Reports, side.Photos, roster, Week.AddDays(-7 * w));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: seeded the roster, the target week and {older} older weeks ({(older + 1) * 15_000:N0} rows) in {seed.Elapsed.TotalSeconds:0} s; load average {LoadAverage()}"));
            sides.Add(side);
        }

        // Seeding is not measured; the rounds are, so they wait for the shared measurement lock if one is named.
        using var measuring = MeasurementLock.Take();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measuring; load average {LoadAverage()}"));
        foreach (var side in sides)
        {
            await side.ReadAsync(counter); // warm-up: tables, connections, JIT
        }

        var digestRatios = new List<double>();
        var statusRatios = new List<double>();
        var rawRatios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { 0, 1 } : [1, 0];
            var results = new Reading[2];
            foreach (var s in order)
            {
                results[s] = await sides[s].ReadAsync(counter);
            }

            digestRatios.Add(results[1].DigestMs / results[0].DigestMs);
            statusRatios.Add(results[1].StatusMs / results[0].StatusMs);
            rawRatios.Add(results[1].RawMs / results[0].RawMs);
            foreach (var s in new[] { 0, 1 })
            {
                var r = results[s];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} {sides[s].Label,-16}: digest {r.DigestMs,7:0.0} ms ({r.DigestRequests} requests, {r.Received} reporter-days), status {r.StatusMs,7:0.0} ms ({r.StatusRequests} requests), raw reports-partition query {r.RawMs,7:0.0} ms"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round} ratio {weeks}/1: digest {digestRatios[^1]:0.00}, status {statusRatios[^1]:0.00}, raw partition query {rawRatios[^1]:0.00}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage {weeks}/1 weeks, median ratio: digest {Median(digestRatios):0.00}, status {Median(statusRatios):0.00} (goal <= 1.2); raw one-partition query {Median(rawRatios):0.00}; load average {LoadAverage()}"));
        foreach (var side in sides)
        {
            await side.DisposeAsync();
        }

        return 0;
    }

    private sealed record Reading(double DigestMs, long DigestRequests, int Received, double StatusMs, long StatusRequests, double RawMs);

    /// <summary>One table set (its own prefix) and the bot's services over it.</summary>
    private sealed class Side : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;

        private Side(string label, ServiceProvider provider, TableClient reports, TableClient photos)
        {
            Label = label;
            _provider = provider;
            Reports = reports;
            Photos = photos;
        }

        public string Label { get; }
        public TableClient Reports { get; }
        public TableClient Photos { get; }
        public ReporterStore Reporters => _provider.GetRequiredService<ReporterStore>();

        public static async Task<Side> CreateAsync(string label, string connection, CountingPolicy counter)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = connection,
                ["Storage:Prefix"] = "h" + Guid.NewGuid().ToString("N")[..10],
                ["Line:ChannelSecret"] = "benchmark",
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging();
            services.AddLineBot(configuration);
            services.AddSingleton<TimeProvider>(new FixedTime(Now));
            services.AddSingleton(new StorageClients(
                new TableServiceClient(connection, With(new TableClientOptions(), counter)),
                new BlobServiceClient(connection, With(new BlobClientOptions(), counter)),
                new QueueServiceClient(connection, With(new QueueClientOptions(), counter))));
            var provider = services.BuildServiceProvider();
            var storage = provider.GetRequiredService<StorageClients>();
            var names = provider.GetRequiredService<StorageNames>();
            return new Side(label, provider, await storage.TableAsync(names.ReportsTable), await storage.TableAsync(names.PhotosTable));
        }

        /// <summary>Median of 3 of each: the digest, /สถานะ, and a bare query of the week's reports partition.</summary>
        public async Task<Reading> ReadAsync(CountingPolicy counter)
        {
            var digests = _provider.GetRequiredService<DigestService>();
            var digest = new List<double>();
            var status = new List<double>();
            var raw = new List<double>();
            long digestRequests = 0, statusRequests = 0;
            var received = 0;
            var partition = ReportStore.WeekPartition(Week);
            for (var i = 0; i < 3; i++)
            {
                var before = counter.Count;
                var watch = Stopwatch.StartNew();
                received = (await digests.WeekAsync(Week, Now, CancellationToken.None)).Province.Received;
                digest.Add(watch.Elapsed.TotalMilliseconds);
                digestRequests = counter.Count - before;

                before = counter.Count;
                watch.Restart();
                await digests.StatusAsync(Now, CancellationToken.None);
                status.Add(watch.Elapsed.TotalMilliseconds);
                statusRequests = counter.Count - before;

                watch.Restart();
                var rows = 0;
                await foreach (var page in Reports.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"]).AsPages())
                {
                    rows += page.Values.Count;
                }

                raw.Add(watch.Elapsed.TotalMilliseconds);
            }

            return new Reading(Median(digest), digestRequests, received, Median(status), statusRequests, Median(raw));
        }

        public ValueTask DisposeAsync() => _provider.DisposeAsync();
    }

    private static List<Reporter> Roster() =>
        [.. Enumerable.Range(0, Reporters).Select(i => new Reporter
        {
            Id = $"U{i:0000}",
            UserId = $"U{i:0000}",
            Name = $"นายทดสอบ {i:0000}",
            District = $"อำเภอ{i % Districts:00}",
        })];

    private static (Dictionary<string, List<DailyReport>> Reports, Dictionary<string, List<PhotoRecord>> Photos) InMemoryWeeks(IReadOnlyList<Reporter> roster, int older)
    {
        var reports = new Dictionary<string, List<DailyReport>>(StringComparer.Ordinal);
        var photos = new Dictionary<string, List<PhotoRecord>>(StringComparer.Ordinal);
        for (var w = 0; w <= older; w++)
        {
            var monday = Week.AddDays(-7 * w);
            var week = WeekRows(roster, monday).ToList();
            reports[ReportStore.WeekPartition(monday)] = [.. week.Select(x => x.Report)];
            photos[ReportStore.WeekPartition(monday)] = [.. week.Select(x => x.Photo)];
        }

        return (reports, photos);
    }

    /// <summary>One report and one photo record per reporter and working day of the week starting <paramref name="monday"/>.</summary>
    private static IEnumerable<(DailyReport Report, PhotoRecord Photo)> WeekRows(IReadOnlyList<Reporter> roster, DateOnly monday)
    {
        foreach (var r in roster)
        {
            for (var day = 0; day < 5; day++)
            {
                var date = monday.AddDays(day);
                var received = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7));
                var report = new DailyReport
                {
                    GroupId = "Cbench",
                    ReporterId = r.Id,
                    ReporterName = r.Name,
                    Date = date,
                    Site = new(null, null, r.District, null),
                    Activities = ["ขุดคลองไส้ไก่", "ปลูกผักสวนครัว"],
                    Problems = day == 1 ? ["น้ำท่วมแปลง"] : [],
                    CertifiedBy = day % 2 == 0 ? "เจ้าของแปลง" : null,
                    PhotoCount = 2,
                    MessageId = $"m{r.Id}{date:yyyyMMdd}",
                    ReceivedAt = received,
                };
                var photo = new PhotoRecord
                {
                    MessageId = $"p{r.Id}{date:yyyyMMdd}",
                    Kind = MediaKind.Image,
                    GroupId = "Cbench",
                    UserId = r.UserId!,
                    Date = date,
                    Timestamp = received.ToUnixTimeMilliseconds() - 60_000,
                    Status = PhotoStatus.Stored,
                    BlobName = $"Cbench/{date:yyyy-MM-dd}/{r.UserId}/p.jpg",
                    Attached = day % 2 == 0,
                    ReporterId = day % 2 == 0 ? r.Id : null,
                };
                yield return (report, photo);
            }
        }
    }

    /// <summary>A week as ReportStore and PhotoStore store it: each report's current row and version row, each photo's week row; 100 per batch.</summary>
    private static async Task SeedWeekAsync(TableClient table, TableClient photoTable, IReadOnlyList<Reporter> roster, DateOnly monday)
    {
        var partition = ReportStore.WeekPartition(monday);
        var rows = new List<TableEntity>();
        var photos = new List<TableEntity>();
        foreach (var (report, photo) in WeekRows(roster, monday))
        {
            var ts = report.ReceivedAt.ToUnixTimeMilliseconds();
            var current = $"{report.Date:yyyyMMdd}|{TableKeys.Escape(report.ReporterId)}";
            rows.Add(ReportEntityMapper.ToEntity(report, partition, current, ts));
            rows.Add(ReportEntityMapper.ToEntity(report, partition, $"v|{current}|{ts:D13}|{report.MessageId}", ts));
            photos.Add(PhotoEntityMapper.ToEntity(photo, partition, $"{photo.Date:yyyyMMdd}|{TableKeys.Escape(photo.UserId)}|{photo.MessageId}"));
        }

        await Parallel.ForEachAsync(photos.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await photoTable.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static T With<T>(T options, HttpPipelinePolicy policy) where T : ClientOptions
    {
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
