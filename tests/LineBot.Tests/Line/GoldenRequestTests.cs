using LineBot.Line;
using LineBot.Tests.Digests;

namespace LineBot.Tests.Line;

/// <summary>The exact bytes we put on the wire for a few messages, as LINE receives them.</summary>
public sealed class GoldenRequestTests
{
    [Fact]
    public async Task Reply_TextWithMention_ExactBytes()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/reply", Http.Json(200, Http.SentMessages));
        var message = TextV2Message.Mention("{user} ส่งรายงานแล้ว ✓", "user", "U4af4980629", quoteToken: "q-123") with
        {
            QuickReply = new QuickReply([new QuickReplyItem(new MessageAction("ดูสรุป", "/สรุป"))]),
        };

        await line.Messaging.ReplyAsync("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", [message], default);

        var body = Assert.Single(line.ApiRequests("/v2/bot/message/reply")).RequestMessage.BodyAsBytes!;
        Assert.Equal(
            """{"replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA","messages":[{"type":"textV2","text":"{user} \u0E2A\u0E48\u0E07\u0E23\u0E32\u0E22\u0E07\u0E32\u0E19\u0E41\u0E25\u0E49\u0E27 \u2713","substitution":{"user":{"type":"mention","mentionee":{"type":"user","userId":"U4af4980629"}}},"quoteToken":"q-123","quickReply":{"items":[{"type":"action","action":{"type":"message","label":"\u0E14\u0E39\u0E2A\u0E23\u0E38\u0E1B","text":"/\u0E2A\u0E23\u0E38\u0E1B"}}]}}]}""",
            LineMessagesTests.Utf8(body));
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Push_FlexCarousel_ExactBytes()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Json(200, Http.SentMessages));
        var message = new FlexMessage("Weekly digest", LineMessagesTests.Carousel("District A", "District B"));

        await line.Messaging.PushAsync("C1234567890abcdef", [message], Guid.Parse("123e4567-e89b-42d3-a456-426614174000"), default);

        var request = Assert.Single(line.ApiRequests("/v2/bot/message/push")).RequestMessage;
        Assert.Equal(
            """{"to":"C1234567890abcdef","messages":[{"type":"flex","altText":"Weekly digest","contents":{"type":"carousel","contents":[{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"District A","weight":"bold"}]}},{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[{"type":"text","text":"District B","weight":"bold"}]}}]}}]}""",
            LineMessagesTests.Utf8(request.BodyAsBytes!));
        Assert.Equal("123e4567-e89b-42d3-a456-426614174000", request.Headers!["X-Line-Retry-Key"].ToString());
        Assert.StartsWith("application/json", request.Headers["Content-Type"].ToString());
        line.AssertRequestsMatchSpec();
    }
}

public sealed class DigestPushSpecTests
{
    [Fact]
    public async Task Push_WeeklyDigestCarousels_MatchLineSpec()
    {
        var digest = LineBot.Digests.WeeklyDigestCalculator.Calculate(new LineBot.Digests.DigestInput(
            SyntheticProvince.Reporters(), SyntheticProvince.Reports(), SyntheticProvince.Holidays, SyntheticProvince.Leave(),
            new LineBot.Calendar.ReportWeek(SyntheticProvince.Mondays[0]), SyntheticProvince.At(SyntheticProvince.Mondays[1], 9), SyntheticProvince.Zone));
        var messages = LineBot.Digests.DigestFlexBuilder.Build(digest).Select(m => (LineMessage)FlexMessage.FromJson(m)).ToList();
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Json(200, Http.SentMessages));

        await line.Messaging.PushAsync("Cprovince", messages, Guid.NewGuid(), default);

        Assert.Single(line.ApiRequests("/v2/bot/message/push"));
        line.AssertRequestsMatchSpec();
    }
}
