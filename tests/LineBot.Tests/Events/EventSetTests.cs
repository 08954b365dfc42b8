using System.Text;
using LineBot.Events;
using LineBot.Tests.Infrastructure;
using LineBot.Webhook;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Events;

/// <summary>
/// One sender's few events in one body (an image set) go as one queue message, handled in order, each event claimed
/// on its own: a second delivery of the message (a retry after a failure half-way) does nothing twice.
/// </summary>
public sealed class EventSetTests
{
    private const int Processed = 2009;
    private const int Duplicate = 2004;

    [Fact]
    public async Task OneSendersEvents_OneMessage_OtherBodies_OneMessagePerEvent()
    {
        await using var services = CoreServices.Build();
        var queue = services.GetRequiredService<EventQueue>();
        var one = Parse(WebhookBuilder.TextEvent("ก", userId: "Ua"), WebhookBuilder.TextEvent("ข", userId: "Ua"), WebhookBuilder.TextEvent("ค", userId: "Ua"));
        var two = Parse(WebhookBuilder.TextEvent("ก", userId: "Ua"), WebhookBuilder.TextEvent("ข", userId: "Ub"));

        await queue.EnqueueEventsAsync(one.Destination, one.Events, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var client = await services.Storage().QueueAsync(services.Names().EventsQueue);
        var first = (await client.ReceiveMessagesAsync(32)).Value;
        await queue.EnqueueEventsAsync(two.Destination, two.Events, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var second = (await client.ReceiveMessagesAsync(32)).Value;

        var set = Assert.Single(first);
        Assert.Equal(QueueEnvelope.SetKind, EventQueue.TryRead(set.MessageText)!.Kind);
        Assert.Equal("Cgroup1|Ua", OrderKey.Of(set.MessageText));
        Assert.Equal(2, second.Length);
        Assert.All(second, m => Assert.Equal(QueueEnvelope.EventKind, EventQueue.TryRead(m.MessageText)!.Kind));
    }

    [Fact]
    public async Task SetDeliveredTwice_EachEventProcessedOnce()
    {
        var logs = new CapturedLogs();
        await using var services = CoreServices.Build(logs: logs);
        var worker = services.GetRequiredService<EventWorker>();
        // Types this build does not know: kept aside and marked done, no LINE call.
        var envelope = new QueueEnvelope
        {
            Kind = QueueEnvelope.SetKind,
            Destination = WebhookBuilder.Destination,
            EventJsons = [WebhookBuilder.Event("futureThing", "Cset", "Uset").ToJsonString(), WebhookBuilder.Event("futureThing", "Cset", "Uset").ToJsonString()],
        };
        var text = System.Text.Json.JsonSerializer.Serialize(envelope, EventsJsonContext.Default.QueueEnvelope);

        await worker.ProcessAsync(text, CancellationToken.None);
        await worker.ProcessAsync(text, CancellationToken.None);

        Assert.Equal(2, logs.Count(Processed));
        Assert.Equal(2, logs.Count(Duplicate));
    }

    private static WebhookBatch Parse(params System.Text.Json.Nodes.JsonObject[] events) =>
        WebhookBatchParser.TryParse(Encoding.UTF8.GetBytes(WebhookBuilder.Body(events)), out _)!;
}
