using System.Text;
using System.Text.Json;
using Azure;
using LineBot.Events;
using LineBot.Storage;
using LineBot.Tests.Infrastructure;
using LineBot.Webhook;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Events;

/// <summary>
/// Group commit at the webhook: bodies that arrive while a send is in flight share one queue message; each caller
/// returns only when its events are stored, a failed send fails every body in it, and the worker runs a group's
/// senders in parallel and each sender's events in order, each event once.
/// </summary>
public sealed class EventCoalescerTests
{
    private const int Processed = 2009;
    private const int Duplicate = 2004;

    [Fact]
    public async Task ConcurrentBodies_ShareMessages_EveryEventStoredOnce_SenderOrderKept()
    {
        await using var services = CoreServices.Build();
        var coalescer = services.GetRequiredService<EventCoalescer>();
        // 60 bodies from 20 senders (three each, timestamps rising), all handed over at once.
        var bodies = Enumerable.Range(0, 60).Select(i => Parse(WebhookBuilder.TextEvent($"ข้อความ {i}", userId: $"Ucoalesce{i % 20:D2}", timestamp: 1764000000000 + i))).ToList();

        await Task.WhenAll(bodies.Select(b => coalescer.EnqueueEventsAsync(b.Destination, b.Events, DateTimeOffset.UnixEpoch, CancellationToken.None)));

        var messages = await DrainAsync(services);
        var envelopes = messages.Select(m => EventQueue.TryRead(m)!).ToList();
        var events = envelopes.SelectMany(e => e.EventJsons ?? [e.EventJson!]).ToList();
        Assert.Equal(60, events.Count);
        Assert.Equal(60, events.Distinct().Count());
        // At most two sends are in flight, so most bodies waited and went together.
        Assert.InRange(messages.Count, 1, 30);
        Assert.Contains(envelopes, e => e.Kind == QueueEnvelope.GroupKind);
        foreach (var envelope in envelopes.Where(e => e.Kind == QueueEnvelope.GroupKind))
        {
            var stamps = envelope.EventJsons!.Select(j => (Key: OrderKey.OfEvent(j), Stamp: JsonDocument.Parse(j).RootElement.GetProperty("timestamp").GetInt64()));
            Assert.All(stamps.GroupBy(s => s.Key), sender => Assert.Equal(sender.Select(s => s.Stamp).Order(), sender.Select(s => s.Stamp)));
        }
    }

    [Fact]
    public async Task OneBodyAlone_GoesAsItAlwaysDid_OneEventOneMessage()
    {
        await using var services = CoreServices.Build();
        var coalescer = services.GetRequiredService<EventCoalescer>();
        var body = Parse(WebhookBuilder.TextEvent("สวัสดี", userId: "Ualone"));

        await coalescer.EnqueueEventsAsync(body.Destination, body.Events, DateTimeOffset.UnixEpoch, CancellationToken.None);

        var message = Assert.Single(await DrainAsync(services));
        Assert.Equal(QueueEnvelope.EventKind, EventQueue.TryRead(message)!.Kind);
        Assert.Equal("Cgroup1|Ualone", OrderKey.Of(message));
    }

    [Fact]
    public async Task StorageDown_EveryWaitingBodyFails_AndTheNextOneIsTriedAgain()
    {
        // A queue endpoint nobody listens on: every send fails (after the SDK's own retries).
        var dead = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var services = CoreServices.Build(configure: s => s.AddSingleton(StorageClients.Create(new StorageConnection.WithConnectionString(dead))));
        var coalescer = services.GetRequiredService<EventCoalescer>();
        var bodies = Enumerable.Range(0, 10).Select(i => Parse(WebhookBuilder.TextEvent("ก", userId: $"Udead{i}"))).ToList();

        var calls = bodies.Select(b => coalescer.EnqueueEventsAsync(b.Destination, b.Events, DateTimeOffset.UnixEpoch, CancellationToken.None)).ToList();
        foreach (var call in calls)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => call.WaitAsync(TimeSpan.FromMinutes(2)));
        }

        // No sender is left stuck: a later body is tried (and fails) too, it does not hang.
        var later = Parse(WebhookBuilder.TextEvent("ข", userId: "Udead-later"));
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => coalescer.EnqueueEventsAsync(later.Destination, later.Events, DateTimeOffset.UnixEpoch, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.True(failure is RequestFailedException or HttpRequestException or AggregateException or IOException, failure.GetType().Name);
    }

    [Fact]
    public async Task Group_SendersRunApart_OneBusySenderWaits_RetrySkipsWhatIsDone()
    {
        var logs = new CapturedLogs();
        await using var services = CoreServices.Build(logs: logs);
        var worker = services.GetRequiredService<EventWorker>();
        var dedupe = services.GetRequiredService<EventDeduplicator>();
        // Types this build does not know: kept aside and marked done, no LINE call.
        var a1 = WebhookBuilder.Event("futureThing", "Cgrp", "Ua", timestamp: 1);
        var a2 = WebhookBuilder.Event("futureThing", "Cgrp", "Ua", timestamp: 2);
        var b1 = WebhookBuilder.Event("futureThing", "Cgrp", "Ub", timestamp: 1);
        var text = JsonSerializer.Serialize(
            new QueueEnvelope { Kind = QueueEnvelope.GroupKind, Destination = WebhookBuilder.Destination, EventJsons = [a1.ToJsonString(), b1.ToJsonString(), a2.ToJsonString()] },
            EventsJsonContext.Default.QueueEnvelope);
        // Someone else is working on a1 right now.
        Assert.Equal(DedupeDecision.Process, await dedupe.BeginAsync(a1["webhookEventId"]!.GetValue<string>(), CancellationToken.None));

        await Assert.ThrowsAsync<EventBusyException>(() => worker.ProcessAsync(text, CancellationToken.None));
        // b1 is done; a2 waited behind a1, so that Ua's order holds.
        Assert.Equal(1, logs.Count(Processed));
        Assert.Null(OrderKey.Of(text));

        await dedupe.ReleaseAsync(a1["webhookEventId"]!.GetValue<string>(), CancellationToken.None);
        await worker.ProcessAsync(text, CancellationToken.None);
        Assert.Equal(3, logs.Count(Processed));
        Assert.Equal(1, logs.Count(Duplicate));
    }

    private static async Task<List<string>> DrainAsync(IServiceProvider services)
    {
        var client = await services.Storage().QueueAsync(services.Names().EventsQueue);
        var texts = new List<string>();
        while ((await client.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            texts.AddRange(batch.Select(m => m.MessageText));
        }

        return texts;
    }

    private static WebhookBatch Parse(params System.Text.Json.Nodes.JsonObject[] events) =>
        WebhookBatchParser.TryParse(Encoding.UTF8.GetBytes(WebhookBuilder.Body(events)), out _)!;
}
