using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LineBot.Events;
using LineBot.Storage;
using LineBot.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LineBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/LineBot.Benchmarks -- worker [events] [concurrency]</c> (with
/// LINEBOT_TEST_STORAGE pointing at an Azurite): how many report events per second <c>serve</c>'s queue worker
/// (<see cref="QueuePump"/>) handles end to end — dedupe claim, parse, profile, report store, reply — against a
/// local LINE stand-in on loopback that answers every call at once. The events are queued first, then the worker
/// drains them; the figure is events over drain time. A stopwatch, not BenchmarkDotNet: storage I/O.
/// </summary>
internal static class WorkerThroughputBenchmark
{
    private const string Secret = "benchmark-channel-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("LINEBOT_TEST_STORAGE");
        if (string.IsNullOrEmpty(connection))
        {
            Console.Error.WriteLine("Set LINEBOT_TEST_STORAGE to an Azurite (or storage account) connection string.");
            return 2;
        }

        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_000;
        var concurrency = args.Length > 2 ? args[2] : "64";
        using var standIn = new LineStandIn();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:Prefix"] = "w" + Guid.NewGuid().ToString("N")[..10],
            ["Line:ChannelSecret"] = Secret,
            ["Line:ChannelAccessToken"] = "benchmark-token",
            ["Line:ApiBaseUrl"] = standIn.Url,
            ["Line:DataApiBaseUrl"] = standIn.Url,
            ["Worker:PollInterval"] = "00:00:00.020",
            ["Worker:MaxConcurrency"] = concurrency,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        var logs = new WarningConsoleLogger();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddLineBot(configuration);
        services.AddLineBotQueuePump();
        await using var provider = services.BuildServiceProvider();
        var queue = provider.GetRequiredService<EventQueue>();
        var storage = provider.GetRequiredService<StorageClients>();
        var names = provider.GetRequiredService<StorageNames>();

        // Queued first (as after a burst), then drained: what the worker alone sustains.
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var parsed = Enumerable.Range(0, events).Select(i => WebhookEnvelopeParser.ParseEvent(Event(i, now), out _)!).ToList();
        await Parallel.ForEachAsync(parsed.Chunk(50), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
            await queue.EnqueueEventsAsync("Ubench", chunk, TimeProvider.System.GetUtcNow(), ct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events} report events queued; worker concurrency {concurrency}"));

        var pump = provider.GetServices<IHostedService>().OfType<QueuePump>().Single();
        var watch = Stopwatch.StartNew();
        await pump.StartAsync(CancellationToken.None);
        var last = 0;
        var idle = 0;
        var first = TimeSpan.Zero;
        // Until every event is processed, or nothing moved for 15 s.
        while (logs.Processed < events && idle < 15)
        {
            await Task.Delay(1000);
            var processed = logs.Processed;
            if (first == TimeSpan.Zero && processed > 0)
            {
                first = watch.Elapsed;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {watch.Elapsed.TotalSeconds:0}s: {processed} processed (+{processed - last}/s), {standIn.Replies} replied"));
            idle = processed == last ? idle + 1 : 0;
            last = processed;
        }

        watch.Stop();
        await pump.StopAsync(CancellationToken.None);
        // Sustained rate: from the first second with work done to the end (start-up — tables, connections — left out).
        var steady = watch.Elapsed - first - TimeSpan.FromSeconds(idle);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"worker: {logs.Processed} of {events} events processed, {standIn.Replies} replied in time; {logs.Processed / steady.TotalSeconds:0} events/s sustained over {steady.TotalSeconds:0.0} s (reply tokens: events were stamped when queued)"));
        await (await storage.QueueAsync(names.EventsQueue)).DeleteAsync();
        return logs.Processed == events ? 0 : 1;
    }

    // Reports from 600 reporters in 5 groups, all "now" so that every reply token is fresh.
    private static string Event(int i, long now)
    {
        var today = DateTimeOffset.FromUnixTimeMilliseconds(now).ToOffset(TimeSpan.FromHours(7));
        return new JsonObject
        {
            ["type"] = "message",
            ["mode"] = "active",
            ["timestamp"] = now + i,
            ["webhookEventId"] = string.Create(CultureInfo.InvariantCulture, $"01WORK{Guid.NewGuid():N}"),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
            ["source"] = new JsonObject { ["type"] = "group", ["groupId"] = $"Cgroup{i % 5}", ["userId"] = string.Create(CultureInfo.InvariantCulture, $"U{i % 600:000}") },
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["message"] = new JsonObject
            {
                ["type"] = "text",
                ["id"] = (600000000000 + i).ToString(CultureInfo.InvariantCulture),
                ["quoteToken"] = "q" + i,
                ["text"] = string.Create(CultureInfo.InvariantCulture,
                    $"รายงานการปฏิบัติงานประจำวัน\nวันที่ {today.Day}/{today.Month}/{today.Year + 543}\nชื่อ: นายทดสอบ คนที่{i % 600}\nพื้นที่: HLM ต.บางพระ อ.เมือง\nกิจกรรม\n1. ปลูกผักสวนครัว\n2. ขุดบ่อ\nปัญหา/อุปสรรค: ไม่มี\n"),
            },
        }.ToJsonString();
    }

    /// <summary>LINE on loopback: replies and pushes 200, profiles 404 (unknown), anything else 200 with an empty object.</summary>
    private sealed class LineStandIn : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _replies;

        public LineStandIn()
        {
            var port = FreePort();
            Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public int Replies => Volatile.Read(ref _replies);

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => AnswerAsync(context));
            }
        }

        // Asynchronous throughout: a blocked pool thread per call would starve the worker it measures.
        private async Task AnswerAsync(HttpListenerContext context)
        {
            var path = context.Request.Url!.AbsolutePath;
            var (status, body) = path.EndsWith("/message/reply", StringComparison.Ordinal)
                ? (200, """{"sentMessages":[{"id":"1","quoteToken":"q"}]}""")
                : path.Contains("/member/", StringComparison.Ordinal) || path.Contains("/profile/", StringComparison.Ordinal)
                    ? (404, """{"message":"Not found"}""")
                    : (200, "{}");
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                await reader.ReadToEndAsync();
            }

            if (status == 200 && path.EndsWith("/message/reply", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _replies);
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
