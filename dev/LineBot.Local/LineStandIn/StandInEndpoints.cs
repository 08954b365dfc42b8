using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LineBot.LineStandIn;

/// <summary>
/// The LINE Messaging API paths the bot uses, answered the way LINE answers them (messaging-api.yml), under
/// <see cref="Prefix"/>. Mapped only in local mode; both the API and the data host point here.
/// </summary>
internal static class StandInEndpoints
{
    public const string Prefix = "/_line";
    public const string RecordedPath = "/_recorded";
    private const int MaxMessages = 5;

    public static IEndpointRouteBuilder MapLineStandIn(this IEndpointRouteBuilder app)
    {
        var line = app.MapGroup(Prefix);
        line.MapPost("/v2/bot/message/reply", (HttpContext http, StandInState state) => SendAsync(http, state, "reply"));
        line.MapPost("/v2/bot/message/push", (HttpContext http, StandInState state) => SendAsync(http, state, "push"));
        line.MapPost("/v2/bot/message/multicast", (HttpContext http, StandInState state) => SendAsync(http, state, "multicast"));
        line.MapGet("/v2/bot/profile/{userId}", (string userId, StandInState state) =>
            state.Profile(userId) is { } p ? Json(ProfileJson(p)) : NotFound());
        line.MapGet("/v2/bot/group/{groupId}/summary", (string groupId, StandInState state) =>
            Json(new JsonObject { ["groupId"] = groupId, ["groupName"] = state.GroupName(groupId), ["pictureUrl"] = null }));
        line.MapGet("/v2/bot/group/{groupId}/members/count", (StandInState state) =>
            Json(new JsonObject { ["count"] = state.Profiles.Count }));
        line.MapGet("/v2/bot/group/{groupId}/member/{userId}", (string userId, StandInState state) =>
            state.Profile(userId) is { } p ? Json(ProfileJson(p)) : NotFound());
        line.MapPost("/v2/bot/group/{groupId}/leave", (string groupId, StandInState state) =>
        {
            state.Record("leave", groupId, null, null, new JsonObject(), []);
            return Json(new JsonObject());
        });
        line.MapGet("/v2/bot/info", () => Json(new JsonObject
        {
            ["userId"] = "U0000000000000000000000000000b0t",
            ["basicId"] = "@linebot-local",
            ["displayName"] = "LineBot (local)",
            ["chatMode"] = "bot",
            ["markAsReadMode"] = "auto",
        }));
        line.MapGet("/v2/bot/message/quota", () => Json(new JsonObject { ["type"] = "none" }));
        line.MapGet("/v2/bot/message/quota/consumption", (StandInState state) =>
            Json(new JsonObject { ["totalUsage"] = state.Recorded().Where(r => r.Kind is "push" or "multicast").Sum(r => r.SentMessageIds.Count) }));
        line.MapGet("/v2/bot/message/{messageId}/content", (string messageId, StandInState state) =>
            state.Content(messageId) is { } c ? Results.Bytes(c.Bytes, c.ContentType) : NotFound());
        line.MapRichMenus();
        line.MapGet(RecordedPath, (StandInState state, long? after) => Json(RecordedJson(state.Recorded(after ?? 0))));
        return app;
    }

    public static JsonArray RecordedJson(IEnumerable<StandInRecord> records) =>
        new([.. records.Select(r => (JsonNode)new JsonObject
        {
            ["seq"] = r.Seq,
            ["kind"] = r.Kind,
            ["to"] = r.To,
            ["replyToken"] = r.ReplyToken,
            ["retryKey"] = r.RetryKey,
            ["at"] = r.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["body"] = r.Body.DeepClone(),
        })]);

    private static async Task<IResult> SendAsync(HttpContext http, StandInState state, string kind)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-line-request-id"] = requestId;

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return Error(400, "The request body has 1 error(s)", "Invalid JSON", "");
        }

        var messages = body["messages"] as JsonArray;
        if (messages is null || messages.Count is 0 or > MaxMessages)
        {
            return Error(400, "The request body has 1 error(s)", $"Size must be between 1 and {MaxMessages}", "messages");
        }

        string? to = null;
        string? replyToken = null;
        if (kind == "reply")
        {
            replyToken = body["replyToken"]?.GetValue<string>();
            if (!state.ConsumeReplyToken(replyToken))
            {
                return Error(400, "Invalid reply token", null, null);
            }
        }
        else
        {
            to = kind == "push"
                ? body["to"]?.GetValue<string>()
                : string.Join(',', (body["to"] as JsonArray ?? []).Select(n => n?.GetValue<string>()));
            if (string.IsNullOrEmpty(to))
            {
                return Error(400, "The request body has 1 error(s)", "May not be empty", "to");
            }
        }

        // A repeated retry key means LINE already accepted that request: 409 and the first request's ID.
        var retryKey = http.Request.Headers["X-Line-Retry-Key"].ToString();
        if (kind != "reply" && retryKey.Length > 0 && state.TryTakeRetryKey(retryKey, requestId) is { } accepted)
        {
            http.Response.Headers["x-line-accepted-request-id"] = accepted;
            return Json(new JsonObject { ["message"] = "The retry key is already accepted" }, 409);
        }

        var ids = messages.Select(_ => state.NextMessageId()).ToArray();
        state.Record(kind, to, replyToken, retryKey.Length > 0 ? retryKey : null, body, ids);
        if (kind == "multicast")
        {
            return Json(new JsonObject());
        }

        return Json(new JsonObject
        {
            ["sentMessages"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["quoteToken"] = "q" + id })]),
        });
    }

    private static JsonObject ProfileJson(StandInProfile p) => new()
    {
        ["userId"] = p.UserId,
        ["displayName"] = p.DisplayName,
        ["pictureUrl"] = p.PictureUrl,
        ["language"] = "th",
    };

    private static IResult Error(int status, string message, string? detail, string? property)
    {
        var body = new JsonObject { ["message"] = message };
        if (detail is not null)
        {
            body["details"] = new JsonArray(new JsonObject { ["message"] = detail, ["property"] = property });
        }

        return Json(body, status);
    }

    private static IResult NotFound() => Json(new JsonObject { ["message"] = "Not found" }, 404);

    private static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(), "application/json; charset=utf-8", statusCode: status);
}
