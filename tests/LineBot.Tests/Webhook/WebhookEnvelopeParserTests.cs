using System.Text;
using System.Text.Json.Nodes;
using LineBot.Webhook;

namespace LineBot.Tests.Webhook;

public sealed class WebhookEnvelopeParserTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhook", "all-event-types.json"));

    public static TheoryData<string> SchemaEventTypes => new(EventTypes.Known);

    [Fact]
    public void TryParse_SampleWithEveryEventType_ParsesAll()
    {
        var envelope = WebhookEnvelopeParser.TryParse(Encoding.UTF8.GetBytes(Sample), out var error);

        Assert.Null(error);
        Assert.NotNull(envelope);
        Assert.Equal("Uffffffffffffffffffffffffffffffff", envelope.Destination);
        Assert.Equal(JsonNode.Parse(Sample)!["events"]!.AsArray().Count, envelope.Events.Count);
        Assert.All(envelope.Events, e => Assert.True(e.IsKnownType, e.Type));
        Assert.All(envelope.Events, e => Assert.False(string.IsNullOrEmpty(e.RawJson)));
    }

    [Theory]
    [MemberData(nameof(SchemaEventTypes))]
    public void TryParse_EachSchemaEventType_IsInTheSample(string type)
    {
        var envelope = WebhookEnvelopeParser.TryParse(Encoding.UTF8.GetBytes(Sample), out _)!;
        Assert.Contains(envelope.Events, e => e.Type == type);
    }

    [Fact]
    public void TryParse_TypedParts_AreRead()
    {
        var events = WebhookEnvelopeParser.TryParse(Encoding.UTF8.GetBytes(Sample), out _)!.Events;

        var text = events.First(e => e.Message?.Type == "text");
        Assert.Equal("Ca56f94637c41cf0ad96de2b8a5da6bd4", text.Source!.GroupId);
        Assert.Equal(2, text.Message!.Mention!.Mentionees.Count);
        Assert.Equal("all", text.Message.Mention.Mentionees[0].Type);
        Assert.Contains("😀", text.Message.Text);

        var image = events.First(e => e.Message?.ImageSet is not null);
        Assert.Equal(1, image.Message!.ImageSet!.Index);
        Assert.Equal(2, image.Message.ImageSet.Total);
        Assert.False(image.Message.ContentProvider!.IsExternal);

        var external = events.First(e => e.Message?.ContentProvider?.IsExternal == true && e.Message.Type == "image");
        Assert.Equal("https://example.com/original.jpg", external.Message!.ContentProvider!.OriginalContentUrl);

        var location = events.First(e => e.Message?.Type == "location");
        Assert.Equal(13.6904, location.Message!.Latitude);

        Assert.Equal("325708", events.First(e => e.Type == EventTypes.Unsend).Unsend!.MessageId);
        Assert.Equal(2, events.First(e => e.Type == EventTypes.MemberJoined).Joined!.Members.Count);
        Assert.Equal("storeId=12345", events.First(e => e.Type == EventTypes.Postback).Postback!.Data);
        Assert.Equal("edited text", events.First(e => e.Type == EventTypes.MessageEdited).Message!.Text);
        Assert.Equal("Ra8dbf4673c4c812cd491258042226c99", events.Last().Source!.RoomId);
    }

    [Fact]
    public void TryParse_UnknownEventType_IsKeptRawAndNotKnown()
    {
        var body = """{"destination":"U1","events":[{"type":"somethingNew","timestamp":1,"mode":"active","webhookEventId":"01X","deliveryContext":{"isRedelivery":false},"newField":{"a":[1,2]}}]}""";
        var envelope = WebhookEnvelopeParser.TryParse(Encoding.UTF8.GetBytes(body), out var error);

        Assert.Null(error);
        var evt = Assert.Single(envelope!.Events);
        Assert.False(evt.IsKnownType);
        Assert.Contains("\"newField\":{\"a\":[1,2]}", evt.RawJson);
    }

    [Fact]
    public void TryParse_UnknownMessageType_Parses()
    {
        var body = """{"destination":"U1","events":[{"type":"message","timestamp":1,"mode":"active","webhookEventId":"01X","deliveryContext":{"isRedelivery":false},"message":{"type":"hologram","id":"9"}}]}""";
        var evt = Assert.Single(WebhookEnvelopeParser.TryParse(Encoding.UTF8.GetBytes(body), out _)!.Events);
        Assert.Equal("hologram", evt.Message!.Type);
    }

    [Fact]
    public void TryParse_EmptyEvents_IsValid()
    {
        var envelope = WebhookEnvelopeParser.TryParse(Encoding.UTF8.GetBytes("""{"destination":"U1","events":[]}"""), out var error);
        Assert.Null(error);
        Assert.Empty(envelope!.Events);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"destination":"U1"}""")]
    [InlineData("""{"destination":"U1","events":{}}""")]
    [InlineData("""{"destination":"U1","events":[{"timestamp":1}]}""")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":"yesterday"}]}""")]
    [InlineData("""{"destination":"U1","events":[42]}""")]
    public void TryParse_WrongShape_ReturnsNullWithReason(string body)
    {
        Assert.Null(WebhookEnvelopeParser.TryParse(Encoding.UTF8.GetBytes(body), out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
