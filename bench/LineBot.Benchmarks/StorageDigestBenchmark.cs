using System.Diagnostics;
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
/// <c>dotnet run -c Release --project bench/LineBot.Benchmarks -- storage</c> (with LINEBOT_TEST_STORAGE pointing at an
/// Azurite): the digest and <c>/สถานะ</c> reads for one week of 1,000 reporters × 5 days (5,000 reports, each with its
/// version row as ReportStore writes them, and one photo record per reporter-day in the photos table's week partition),
/// first with 1 older week in the tables, then with 52. Prints wall time
/// and the number of storage HTTP requests per read (counted by a pipeline policy). Storage I/O does not suit
/// BenchmarkDotNet's many iterations, so this is a plain stopwatch over a few runs.
/// </summary>
internal static class StorageDigestBenchmark
{
    private const int Reporters = 1_000;
    private const int Districts = 20;
    private const int Runs = 5;
    private static readonly DateOnly Week = new(2026, 11, 23);

    public static async Task<int> RunAsync()
    {
        var connection = Environment.GetEnvironmentVariable("LINEBOT_TEST_STORAGE");
        if (string.IsNullOrEmpty(connection))
        {
            Console.Error.WriteLine("Set LINEBOT_TEST_STORAGE to an Azurite (or storage account) connection string.");
            return 2;
        }

        var counter = new CountingPolicy();
        // Friday 27 Nov 2026, 17:00 Bangkok: the week so far is the whole working week.
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:Prefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            ["Line:ChannelSecret"] = "benchmark",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddLineBot(configuration);
        services.AddSingleton<TimeProvider>(new FixedTime(now));
        services.AddSingleton(new StorageClients(
            new TableServiceClient(connection, With(new TableClientOptions(), counter)),
            new BlobServiceClient(connection, With(new BlobClientOptions(), counter)),
            new QueueServiceClient(connection, With(new QueueClientOptions(), counter))));
        await using var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredService<StorageClients>();
        var table = await storage.TableAsync(provider.GetRequiredService<StorageNames>().ReportsTable);
        var photoTable = await storage.TableAsync(provider.GetRequiredService<StorageNames>().PhotosTable);
        var reporterStore = provider.GetRequiredService<ReporterStore>();
        var roster = Enumerable.Range(0, Reporters).Select(i => new Reporter
        {
            Id = $"U{i:0000}",
            UserId = $"U{i:0000}",
            Name = $"นายทดสอบ {i:0000}",
            District = $"อำเภอ{i % Districts:00}",
        }).ToList();
        var seed = Stopwatch.StartNew();
        await Parallel.ForEachAsync(roster, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) => await reporterStore.SaveAsync(r, ct));
        await SeedWeekAsync(table, photoTable, roster, Week);
        await SeedWeekAsync(table, photoTable, roster, Week.AddDays(-7));
        Console.WriteLine($"seeded roster, target week and 1 older week in {seed.Elapsed.TotalSeconds:0.0} s");

        var digests = provider.GetRequiredService<DigestService>();
        await MeasureAsync("1 older week", digests, counter, now);

        seed.Restart();
        for (var w = 2; w <= 52; w++)
        {
            await SeedWeekAsync(table, photoTable, roster, Week.AddDays(-7 * w));
        }

        Console.WriteLine($"seeded 51 more older weeks (255,000 reports and 255,000 photos, 765,000 rows) in {seed.Elapsed.TotalSeconds:0.0} s");
        await MeasureAsync("52 older weeks", digests, counter, now);
        return 0;
    }

    private static async Task MeasureAsync(string label, DigestService digests, CountingPolicy counter, DateTimeOffset now)
    {
        foreach (var (name, read) in new (string, Func<Task<int>>)[]
                 {
                     ("digest (WeekAsync)", async () => (await digests.WeekAsync(Week, now, CancellationToken.None)).Province.Received),
                     ("status (StatusAsync)", async () => (await digests.StatusAsync(now, CancellationToken.None)).Week.Province.Received),
                 })
        {
            await read(); // warm-up: table creation, connections
            var times = new List<double>();
            long requests = 0;
            var received = 0;
            for (var i = 0; i < Runs; i++)
            {
                var before = counter.Count;
                var watch = Stopwatch.StartNew();
                received = await read();
                times.Add(watch.Elapsed.TotalMilliseconds);
                requests = counter.Count - before;
            }

            times.Sort();
            Console.WriteLine($"{label,-15} {name,-22} median {times[Runs / 2],7:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}), {requests} storage requests per read, {received} reporter-days received");
        }
    }

    /// <summary>5,000 reports (Mon–Fri × 1,000) as ReportStore stores them: the current row and a version row, 100 per batch.</summary>
    private static async Task SeedWeekAsync(TableClient table, TableClient photoTable, IReadOnlyList<Reporter> roster, DateOnly monday)
    {
        var partition = ReportStore.WeekPartition(monday);
        var rows = new List<TableEntity>();
        var photos = new List<TableEntity>();
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
                var ts = received.ToUnixTimeMilliseconds();
                var current = $"{date:yyyyMMdd}|{TableKeys.Escape(r.Id)}";
                rows.Add(ReportEntityMapper.ToEntity(report, partition, current, ts));
                rows.Add(ReportEntityMapper.ToEntity(report, partition, $"v|{current}|{ts:D13}|{report.MessageId}", ts));
                // The photo's week row, as PhotoStore writes it (its per-message row is never read by digests).
                var photo = new PhotoRecord
                {
                    MessageId = $"p{r.Id}{date:yyyyMMdd}",
                    Kind = MediaKind.Image,
                    GroupId = "Cbench",
                    UserId = r.UserId!,
                    Date = date,
                    Timestamp = ts - 60_000,
                    Status = PhotoStatus.Stored,
                    BlobName = $"Cbench/{date:yyyy-MM-dd}/{r.UserId}/p.jpg",
                    Attached = day % 2 == 0,
                    ReporterId = day % 2 == 0 ? r.Id : null,
                };
                photos.Add(PhotoEntityMapper.ToEntity(photo, partition, $"{date:yyyyMMdd}|{TableKeys.Escape(photo.UserId)}|{photo.MessageId}"));
            }
        }

        await Parallel.ForEachAsync(photos.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await photoTable.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));

        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
    }

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
