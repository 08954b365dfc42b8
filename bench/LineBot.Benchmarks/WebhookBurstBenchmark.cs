using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LineBot.Events;
using LineBot.Storage;
using LineBot.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/LineBot.Benchmarks -- webhook</c> (with LINEBOT_TEST_STORAGE pointing at an
/// Azurite): how long the webhook edge takes to answer one signed body of 2,000 events (LINE waits 2 s), from the
/// raw bytes to the 200, i.e. signature, parse and every event on the queue. A plain stopwatch over a few runs,
/// as for <see cref="DigestHistoryBenchmark"/>: storage I/O does not suit BenchmarkDotNet's many iterations.
/// </summary>
internal static class WebhookBurstBenchmark
{
    private const int Events = 2_000;
    private const int Runs = 5;
    private const string Secret = "benchmark-channel-secret";

    public static async Task<int> RunAsync()
    {
        var connection = Environment.GetEnvironmentVariable("LINEBOT_TEST_STORAGE");
        if (string.IsNullOrEmpty(connection))
        {
            Console.Error.WriteLine("Set LINEBOT_TEST_STORAGE to an Azurite (or storage account) connection string.");
            return 2;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:Prefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            ["Line:ChannelSecret"] = Secret,
            ["Storage:MaxWebhookBodyBytes"] = (16 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddLineBot(configuration);
        await using var provider = services.BuildServiceProvider();
        var ingress = provider.GetRequiredService<WebhookIngress>();
        var storage = provider.GetRequiredService<StorageClients>();
        var names = provider.GetRequiredService<StorageNames>();

        // Warm-up: queue creation, connections.
        await SendAsync(ingress, Body(10, 0));
        var times = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            var body = Body(Events, run);
            var watch = Stopwatch.StartNew();
            var result = await SendAsync(ingress, body);
            watch.Stop();
            if (result.StatusCode != 200 || result.EventCount != Events)
            {
                Console.Error.WriteLine($"run {run}: {result.StatusCode} {result.Reason} ({result.EventCount} events)");
                return 1;
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {Events} events ({body.Length / 1024} KiB) answered 200 in {watch.Elapsed.TotalMilliseconds:0} ms"));
        }

        var queue = await storage.QueueAsync(names.EventsQueue);
        var queued = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Events} events per body, {Runs} runs: median {times[Runs / 2]:0} ms, worst {times[^1]:0} ms (LINE's limit: 2000 ms); {queued} messages on the queue"));
        await queue.DeleteAsync();
        return 0;
    }

    private static Task<WebhookResult> SendAsync(WebhookIngress ingress, byte[] body) =>
        ingress.HandleAsync(new MemoryStream(body), body.Length, SignatureValidator.Sign(Secret, body), CancellationToken.None);

    // Text messages from 20 groups, as a busy province's burst after an outage would look.
    private static byte[] Body(int count, int run)
    {
        var events = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            events.Add(new JsonObject
            {
                ["type"] = "message",
                ["mode"] = "active",
                ["timestamp"] = 1764000000000 + i,
                ["webhookEventId"] = string.Create(CultureInfo.InvariantCulture, $"01BENCH{run:00}{i:000000}XXXXXXXXXXX"),
                ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
                ["source"] = new JsonObject { ["type"] = "group", ["groupId"] = $"Cgroup{i % 20}", ["userId"] = $"U{i % 500:000}" },
                ["replyToken"] = Guid.NewGuid().ToString("N"),
                ["message"] = new JsonObject
                {
                    ["type"] = "text",
                    ["id"] = (500000000000 + i).ToString(CultureInfo.InvariantCulture),
                    ["quoteToken"] = "q" + i,
                    ["text"] = "นายทดสอบ ระบบ\nรายงานวันนี้ ปลูกผักสวนครัว และขุดบ่อ ตำบลบางพระ อำเภอเมือง",
                },
            });
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["destination"] = "Ubench", ["events"] = events }.ToJsonString());
    }
}
