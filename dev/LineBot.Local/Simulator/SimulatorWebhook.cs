using System.Text;
using System.Text.Json.Nodes;
using LineBot.Events;
using LineBot.Configuration;
using LineBot.LineStandIn;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Simulator;

/// <summary>
/// Turns simulator actions into LINE webhook requests (ids, timestamps, reply and quote tokens, imageSet)
/// and posts them, signed with the channel secret, to the app's own webhook over HTTP: the same path LINE uses.
/// </summary>
internal sealed class SimulatorWebhook(
    IHttpClientFactory httpFactory,
    LocalLineAddress address,
    IOptions<LineOptions> options,
    StandInState standIn,
    TimeProvider clock,
    ILogger<SimulatorWebhook> logger)
{
    public const string HttpClientName = "simulator-webhook";
    public const string Destination = "U0000000000000000000000000000b0t";
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public DateTimeOffset Now => clock.GetUtcNow();

    public JsonObject MessageEvent(string groupId, string userId, JsonObject message, string type = EventTypes.Message)
    {
        message["quoteToken"] ??= "q" + Guid.NewGuid().ToString("N");
        var evt = Base(type, groupId, userId);
        evt["replyToken"] = standIn.IssueReplyToken();
        evt["message"] = message;
        return evt;
    }

    public JsonObject UnsendEvent(string groupId, string userId, string messageId)
    {
        var evt = Base(EventTypes.Unsend, groupId, userId);
        evt["unsend"] = new JsonObject { ["messageId"] = messageId };
        return evt;
    }

    /// <summary>The bot itself was invited: a group source without a user, and a reply token.</summary>
    public JsonObject JoinEvent(string groupId)
    {
        var evt = Base(EventTypes.Join, groupId, null);
        evt["replyToken"] = standIn.IssueReplyToken();
        return evt;
    }

    /// <summary>A member pressed a button (quick reply or Flex) whose action is a postback.</summary>
    public JsonObject PostbackEvent(string groupId, string userId, string data)
    {
        var evt = Base(EventTypes.Postback, groupId, userId);
        evt["replyToken"] = standIn.IssueReplyToken();
        evt["postback"] = new JsonObject { ["data"] = data };
        return evt;
    }

    public JsonObject MemberJoinedEvent(string groupId, string userId)
    {
        var evt = Base(EventTypes.MemberJoined, groupId, null);
        evt["replyToken"] = standIn.IssueReplyToken();
        evt["joined"] = new JsonObject { ["members"] = new JsonArray(new JsonObject { ["type"] = "user", ["userId"] = userId }) };
        return evt;
    }

    /// <summary>Posts one webhook request; returns LINE's view of the answer (status code).</summary>
    public async Task<int> PostAsync(IReadOnlyList<JsonObject> events, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["destination"] = Destination, ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]) };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address.Server, WebhookEndpoints.Route.TrimStart('/')))
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(SignatureValidator.HeaderName, SignatureValidator.Sign(options.Value.ChannelSecret, bytes));
        request.Headers.UserAgent.ParseAdd("LineBotWebhook/2.0");
        using var response = await httpFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Log.WebhookNotAccepted(logger, events.Count, (int)response.StatusCode);
        }

        return (int)response.StatusCode;
    }

    private JsonObject Base(string type, string groupId, string? userId)
    {
        var source = new JsonObject { ["type"] = "group", ["groupId"] = groupId };
        if (userId is not null)
        {
            source["userId"] = userId;
        }

        return new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ["source"] = source,
            ["webhookEventId"] = NewEventId(),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
    }

    /// <summary>ULID-shaped like LINE's: 48-bit time then 80 random bits, Crockford base32.</summary>
    private string NewEventId()
    {
        var time = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Span<char> chars = stackalloc char[26];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(time & 31)];
            time >>= 5;
        }

        for (var i = 10; i < 26; i++)
        {
            chars[i] = Crockford[Random.Shared.Next(32)];
        }

        return new string(chars);
    }
}
