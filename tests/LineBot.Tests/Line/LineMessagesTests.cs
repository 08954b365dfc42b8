using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LineBot.Line;

namespace LineBot.Tests.Line;

public sealed class LineMessagesTests
{
    private static JsonObject Bubble(string title) => new()
    {
        ["type"] = "bubble",
        ["body"] = new JsonObject
        {
            ["type"] = "box",
            ["layout"] = "vertical",
            ["contents"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = title, ["weight"] = "bold" }),
        },
    };

    internal static JsonObject Carousel(params string[] titles) => new()
    {
        ["type"] = "carousel",
        ["contents"] = new JsonArray(titles.Select(t => (JsonNode)Bubble(t)).ToArray()),
    };

    [Fact]
    public void EveryMessageKind_ValidatesAgainstItsSubtypeSchema()
    {
        var quickReply = new QuickReply(
        [
            new QuickReplyItem(new MessageAction("ส่งรายงาน", "/รายงาน")),
            new QuickReplyItem(new PostbackAction("ยืนยัน", "confirm=1", "ยืนยัน")),
            new QuickReplyItem(new UriAction("เปิดเว็บ", "https://example.org/a")),
            new QuickReplyItem(new CameraAction("ถ่ายรูป")),
            new QuickReplyItem(new CameraRollAction("เลือกรูป")),
            new QuickReplyItem(new LocationAction("ตำแหน่ง"), "https://example.org/icon.png"),
        ]);
        LineMessage[] messages =
        [
            new TextMessage("สวัสดี", QuoteToken: "q1") { QuickReply = quickReply },
            TextV2Message.Mention("{who} ส่งรายงานแล้ว", "who", "U0123"),
            new TextV2Message("{all} ประชุม", new Dictionary<string, Substitution> { ["all"] = new MentionSubstitution(new AllMentionTarget()) }),
            new ImageMessage("https://example.org/p.jpg", "https://example.org/p-small.jpg"),
            new FlexMessage("สรุปรายสัปดาห์", Carousel("A", "B")),
            new StickerMessage("446", "1988"),
        ];

        foreach (var message in messages)
        {
            var json = JsonSerializer.SerializeToNode(message, LineJsonContext.Default.LineMessage);
            Assert.Empty(LineSpec.Instance.Validate("Message", json));
        }
    }

    [Fact]
    public void Validator_CatchesWrongFields_SoItCanFail()
    {
        var spec = LineSpec.Instance;
        Assert.Contains(spec.Validate("Message", JsonNode.Parse("""{"type":"text"}""")), e => e.Contains("text: required"));
        Assert.Contains(spec.Validate("Message", JsonNode.Parse("""{"type":"text","text":"a","colour":"red"}""")), e => e.Contains("colour"));
        Assert.Contains(spec.Validate("Message", JsonNode.Parse("""{"type":"textV2","text":"{a}","substitution":{"a":{"type":"mention","mentionee":{"type":"user"}}}}""")), e => e.Contains("userId: required"));
        Assert.Contains(spec.Validate("Message", JsonNode.Parse("""{"type":"flex","altText":"a","contents":{"type":"bubble","body":{"type":"box","layout":"diagonal","contents":[]}}}""")), e => e.Contains("diagonal"));
        Assert.Contains(spec.Validate("Message", JsonNode.Parse("""{"type":"telegram"}""")), e => e.Contains("telegram"));
        Assert.NotEmpty(spec.ValidateRequest("POST", "/v2/bot/message/push", """{"to":"U1","messages":[]}"""));
        Assert.NotEmpty(spec.ValidateRequest("POST", "/v2/bot/message/shout", "{}"));
    }

    [Fact]
    public void Serialize_TextWithQuickReply_TypeFirstAndQuickReplyLast()
    {
        var message = new TextMessage("hi") { QuickReply = new QuickReply([new QuickReplyItem(new MessageAction("a", "b"))]) };

        var json = JsonSerializer.Serialize<LineMessage>(message, LineJsonContext.Default.LineMessage);

        Assert.Equal("""{"type":"text","text":"hi","quickReply":{"items":[{"type":"action","action":{"type":"message","label":"a","text":"b"}}]}}""", json);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Validate_WrongMessageCount_Throws(int count)
    {
        var messages = Enumerable.Range(0, count).Select(i => (LineMessage)new TextMessage($"m{i}")).ToList();

        var ex = Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate(messages));
        Assert.Contains("1 to 5 messages", ex.Message);
    }

    [Fact]
    public void Validate_Limits_ExactBoundaryPassesOneMoreFails()
    {
        LineLimits.Validate([new TextMessage(new string('ก', 5_000))]);
        Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate([new TextMessage(new string('ก', 5_001))]));

        LineLimits.Validate([new FlexMessage(new string('a', 1_500), Carousel("x"))]);
        Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate([new FlexMessage(new string('a', 1_501), Carousel("x"))]));

        LineLimits.Validate([new FlexMessage("alt", Carousel([.. Enumerable.Range(0, 12).Select(i => $"b{i}")]))]);
        var thirteen = Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate([new FlexMessage("alt", Carousel([.. Enumerable.Range(0, 13).Select(i => $"b{i}")]))]));
        Assert.Contains("12 bubbles", thirteen.Message);

        var items = Enumerable.Range(0, 13).Select(i => new QuickReplyItem(new MessageAction($"l{i}", "t"))).ToList();
        LineLimits.Validate([new TextMessage("q") { QuickReply = new QuickReply(items) }]);
        items.Add(new QuickReplyItem(new MessageAction("l13", "t")));
        Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate([new TextMessage("q") { QuickReply = new QuickReply(items) }]));
    }

    [Fact]
    public void Validate_FlexOver50KB_Throws()
    {
        // 3 bubbles of ~20 KB of text each: within 12 bubbles but over 50,000 bytes.
        var big = Carousel(new string('x', 20_000), new string('y', 20_000), new string('z', 20_000));

        var ex = Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate([new FlexMessage("alt", big)]));

        Assert.Contains("50000", ex.Message);
    }

    [Fact]
    public void Validate_MentionKeyWithoutPlaceholder_Throws()
    {
        Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate([TextV2Message.Mention("no placeholder", "who", "U1")]));
    }

    [Fact]
    public void Validate_ImageOverHttp_Throws()
    {
        Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate([new ImageMessage("http://example.org/a.jpg", "https://example.org/b.jpg")]));
    }

    [Fact]
    public void Endpoints_BaseWithPath_GetsTrailingSlashSoRelativeUrisStayUnderIt()
    {
        var endpoints = new LineEndpoints(new Uri("http://127.0.0.1:7071/_line"), new Uri("https://api-data.line.me"), "t");

        Assert.Equal("http://127.0.0.1:7071/_line/v2/bot/message/reply", new Uri(endpoints.Api, "v2/bot/message/reply").AbsoluteUri);
        Assert.Equal("https://api-data.line.me/v2/bot/info", new Uri(endpoints.Data, "v2/bot/info").AbsoluteUri);
    }

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
