using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LineBot.Load;
using LineBot.Load.Rig;

namespace LineBot.Tests.Reliability;

/// <summary>
/// Webhook fuzzing with valid signatures against <c>linebot serve</c>: mutated and random JSON, wrong types, deep
/// nesting, 10,000-event arrays, invalid UTF-8, oversized bodies → only 200 (bad events quarantined), 400 or 413;
/// the process stays up, its memory bounded, and a real report afterwards is still processed. 300 bodies in CI,
/// 20,000 in the long run.
/// </summary>
[Collection(nameof(ProcessRigs))]
public sealed class WebhookFuzzTests
{
    private const long MemoryLimit = 600L * 1024 * 1024;

    [Fact]
    public Task Fuzz_300SignedBodies_Only200_400_413_AndStillWorks() => RunAsync(300);

    [Fact]
    [Trait("Category", "Long")]
    public Task Fuzz_20000SignedBodies_Only200_400_413_AndStillWorks() => RunAsync(20_000);

    private static async Task RunAsync(int count)
    {
        await using var rig = await Rigs.StartAsync(seed: 4);
        var random = new Random(20261130);
        var source = new WebhookMix("Cfuzz" + new string('0', 28), 99);
        var unexpected = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (kind, body) = Body(random, source);
            var status = await rig.Sender.PostAsync(body);
            if (status is not (200 or 400 or 413))
            {
                unexpected.Add(string.Create(CultureInfo.InvariantCulture, $"#{i} {kind} ({body.Length} bytes) → {status}"));
            }
        }

        Assert.Empty(unexpected);
        var report = rig.Mix.Next(LoadRunner.Now());
        Assert.Equal(200, await rig.Sender.SendAsync(report, redeliverOnFailure: false));
        var done = await WaitDoneAsync(rig, report.Events[0]["webhookEventId"]!.GetValue<string>());
        Assert.True(done, "a valid event after the fuzzing was not processed");
        Assert.InRange(rig.Bot.Stats().PeakBytes, 1, MemoryLimit);
    }

    private static async Task<bool> WaitDoneAsync(BotRig rig, string id)
    {
        for (var i = 0; i < 600; i++)
        {
            if ((await Accounting.DoneIdsAsync(rig.Storage, rig.Prefix)).Contains(id))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    internal static (string Kind, byte[] Body) Body(Random random, WebhookMix source)
    {
        var valid = source.Next(LoadRunner.Now()).Body(false);
        switch (random.Next(10))
        {
            case 0:
                var flipped = (byte[])valid.Clone();
                for (var k = random.Next(1, 10); k > 0; k--)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return ("bytes flipped", flipped);
            case 1:
                return ("truncated", valid[..random.Next(valid.Length)]);
            case 2:
                return ("wrong types", Encoding.UTF8.GetBytes(WrongTypes(JsonNode.Parse(valid)!, random).ToJsonString()));
            case 3:
                var depth = random.Next(100, 20_000);
                return ("deep nesting", Encoding.UTF8.GetBytes($"{{\"destination\":\"U0\",\"events\":[{new string('[', depth)}{new string(']', depth)}]}}"));
            case 4 when random.Next(20) == 0:
                // Rare (each is big): 10,000 events in one body, over the 1 MiB cap.
                var events = string.Join(',', Enumerable.Range(0, 10_000).Select(_ => "{\"type\":\"unfollow\",\"mode\":\"active\",\"timestamp\":1,\"source\":{\"type\":\"user\",\"userId\":\"U1\"},\"webhookEventId\":\"01X\",\"deliveryContext\":{\"isRedelivery\":false}}"));
                return ("10,000 events", Encoding.UTF8.GetBytes($"{{\"destination\":\"U0\",\"events\":[{events}]}}"));
            case 5:
                var text = Encoding.UTF8.GetString(valid);
                var at = text.IndexOf("\"text\":\"", StringComparison.Ordinal);
                var bytes = new List<byte>(valid);
                bytes.InsertRange(at < 0 ? valid.Length / 2 : Encoding.UTF8.GetByteCount(text[..(at + 8)]), [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80]);
                return ("invalid UTF-8", [.. bytes]);
            case 6 when random.Next(10) == 0:
                var big = new byte[(1024 * 1024) + random.Next(1, 100_000)];
                Array.Fill(big, (byte)' ');
                valid.CopyTo(big, 0);
                return ("oversized", big);
            case 7:
                return ("random JSON", Encoding.UTF8.GetBytes(RandomJson(random, 0)?.ToJsonString() ?? "null"));
            case 8:
                var noise = new byte[random.Next(0, 2000)];
                random.NextBytes(noise);
                return ("random bytes", noise);
            default:
                return ("valid", valid);
        }
    }

    private static JsonNode WrongTypes(JsonNode root, Random random)
    {
        var e = root["events"]![0]!.AsObject();
        var keys = e.Select(p => p.Key).ToArray();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            e[keys[random.Next(keys.Length)]] = RandomJson(random, 2);
        }

        if (random.Next(3) == 0)
        {
            root["events"] = RandomJson(random, 2);
        }

        return root;
    }

    private static JsonNode? RandomJson(Random random, int depth) => random.Next(depth > 3 ? 4 : 7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => JsonValue.Create(new string((char)random.Next(0x0E01, 0x0E5C), random.Next(0, 50))),
        4 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomJson(random, depth + 1))]),
        5 => JsonValue.Create(random.Next(2) == 0),
        _ => new JsonObject(Enumerable.Range(0, random.Next(0, 5)).Select(i => KeyValuePair.Create(i == 0 && random.Next(3) == 0 ? "events" : "k" + i, RandomJson(random, depth + 1)))),
    };
}
