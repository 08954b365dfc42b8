using System.Text.Json.Nodes;
using LineBot.Events;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Events;

public sealed class KeyedGateTests
{
    [Fact]
    public async Task SameKey_OneAtATimeInArrivalOrder_OtherKeysNotHeldUp_EntriesDropped()
    {
        var gate = new KeyedGate();
        var first = await gate.EnterAsync("C1|U1", default);
        var second = gate.EnterAsync("C1|U1", default);
        var third = gate.EnterAsync("C1|U1", default);
        var other = gate.EnterAsync("C1|U2", default);

        Assert.True(other.IsCompleted);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        Assert.False(second.IsFaulted);
        (await third).Dispose();
        (await other).Dispose();
        Assert.Equal(0, gate.Count);
    }

    [Fact]
    public async Task NoKey_NeverWaits()
    {
        var gate = new KeyedGate();
        using var a = await gate.EnterAsync(null, default);
        using var b = await gate.EnterAsync(null, default);
        Assert.Equal(0, gate.Count);
    }

    [Fact]
    public void OrderKey_IsTheSenderInTheirChat_NoneForWorkWithoutASender()
    {
        JsonObject Event(string? group, string? user) => WebhookBuilder.TextEvent("x", groupId: group!, userId: user);
        string Envelope(JsonObject evt) =>
            System.Text.Json.JsonSerializer.Serialize(new QueueEnvelope { EventJson = evt.ToJsonString(), Destination = "U0" }, EventsJsonContext.Default.QueueEnvelope);

        Assert.Equal("C1|U1", OrderKey.Of(Envelope(Event("C1", "U1"))));
        Assert.NotEqual(OrderKey.Of(Envelope(Event("C1", "U1"))), OrderKey.Of(Envelope(Event("C1", "U2"))));
        Assert.Null(OrderKey.Of("""{"kind":"content-retry","payload":"{}"}"""));
        Assert.Null(OrderKey.Of("not json"));
    }
}
