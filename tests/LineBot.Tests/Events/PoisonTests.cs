using Azure.Data.Tables;
using LineBot.Events;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Events;

public sealed class PoisonTests
{
    [Fact]
    public async Task Worker_MessageThatKeepsFailing_PoisonedAfterFiveAttemptsWithReason_ThenReplayed()
    {
        await using var bot = await BotHost.StartAsync();
        // A claim-check envelope whose blob does not exist: every attempt fails the same way.
        var queue = bot.Services.GetRequiredService<EventQueue>();
        await queue.EnqueueAsync(new QueueEnvelope { BlobName = "claims/missing.json", Destination = "U1" });

        await bot.WaitForAsync(l => l.Count(2008) == 1);
        Assert.Equal(5, bot.Logs.Count(2007));

        var poisonQueue = bot.Storage.Queues.GetQueueClient(bot.Names.EventsPoisonQueue);
        var peeked = await poisonQueue.PeekMessagesAsync(10);
        Assert.Contains("claims/missing.json", Assert.Single(peeked.Value).MessageText);
        var reasons = new List<TableEntity>();
        await foreach (var row in bot.Storage.Tables.GetTableClient(bot.Names.PoisonTable).QueryAsync<TableEntity>())
        {
            reasons.Add(row);
        }

        var reason = Assert.Single(reasons);
        Assert.Equal(5, reason.GetInt64("Attempts"));
        Assert.Contains("RequestFailedException", reason.GetString("Reason"));

        var replayed = await bot.Services.GetRequiredService<PoisonStore>().ReplayAsync(default);

        Assert.Equal(1, replayed);
        await bot.WaitForAsync(l => l.Count(2008) == 2);
    }

    [Fact]
    public async Task Worker_UnreadableMessage_PoisonedAtOnce()
    {
        await using var bot = await BotHost.StartAsync();
        var queue = await bot.Storage.QueueAsync(bot.Names.EventsQueue);
        await queue.SendMessageAsync("this is not an envelope");

        await bot.WaitForAsync(l => l.Count(2008) == 1);
        Assert.Equal(1, bot.Logs.Count(2007));
        await foreach (var row in bot.Storage.Tables.GetTableClient(bot.Names.PoisonTable).QueryAsync<TableEntity>())
        {
            Assert.Equal(1, row.GetInt64("Attempts"));
            Assert.Contains("not a queue envelope", row.GetString("Reason"));
        }
    }

    [Fact]
    public async Task Worker_FailureThenSuccess_ProcessedOnceWithoutPoison()
    {
        // A retry delay long enough to fix the cause between attempts.
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Worker:RetryDelay"] = "00:00:02" });
        var queue = bot.Services.GetRequiredService<EventQueue>();
        var evt = WebhookBuilder.Event("join", "Clate", null);
        await queue.EnqueueAsync(new QueueEnvelope { BlobName = "claims/late.json", Destination = "U1" });

        await bot.WaitForAsync(l => l.Count(2007) >= 1);
        var container = await bot.Storage.ContainerAsync(bot.Names.RawWebhookContainer);
        await container.GetBlobClient("claims/late.json").UploadAsync(BinaryData.FromString(evt.ToJsonString()));

        await bot.WaitForAsync(l => l.Count(2009) == 1);
        Assert.Equal(0, bot.Logs.Count(2008));
    }
}
