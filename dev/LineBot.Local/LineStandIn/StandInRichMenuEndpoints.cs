using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LineBot.LineStandIn;

/// <summary>LINE's rich menu endpoints on the stand-in (both hosts: the image upload is the data host's), over <see cref="StandInRichMenus"/>.</summary>
internal static class StandInRichMenuEndpoints
{
    public static RouteGroupBuilder MapRichMenus(this RouteGroupBuilder line)
    {
        line.MapPost("/v2/bot/richmenu", async (HttpContext http, StandInState state) =>
        {
            var (body, text) = await ReadAsync(http, state, "create");
            if (body is null)
            {
                return Error(400, "The request body has 1 error(s)", "Invalid JSON");
            }

            var (id, error) = state.RichMenus.Create(body);
            return id is null ? Error(400, "The request body has 1 error(s)", error) : Json(new JsonObject { ["richMenuId"] = id });
        });
        line.MapGet("/v2/bot/richmenu/list", (HttpContext http, StandInState state) =>
        {
            Record(http, state, "list", null);
            return Json(new JsonObject { ["richmenus"] = state.RichMenus.List() });
        });
        line.MapGet("/v2/bot/richmenu/{richMenuId}", (HttpContext http, string richMenuId, StandInState state) =>
        {
            Record(http, state, "get", null);
            return state.RichMenus.Get(richMenuId) is { } menu ? Json(menu) : Error(404, "Not found");
        });
        line.MapDelete("/v2/bot/richmenu/{richMenuId}", (HttpContext http, string richMenuId, StandInState state) =>
        {
            Record(http, state, "delete", null);
            return Answer(state.RichMenus.Delete(richMenuId));
        });
        line.MapPost("/v2/bot/richmenu/{richMenuId}/content", async (HttpContext http, string richMenuId, StandInState state) =>
        {
            Record(http, state, "upload", null);
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            return Answer(state.RichMenus.Upload(richMenuId, buffer.ToArray(), http.Request.ContentType?.Split(';')[0].Trim()));
        });
        line.MapGet("/v2/bot/richmenu/{richMenuId}/content", (HttpContext http, string richMenuId, StandInState state) =>
        {
            Record(http, state, "download", null);
            return state.RichMenus.Image(richMenuId) is { } image ? Results.Bytes(image, "image/png") : Error(404, "Not found");
        });
        line.MapGet("/v2/bot/richmenu/alias/list", (HttpContext http, StandInState state) =>
        {
            Record(http, state, "alias-list", null);
            return Json(new JsonObject
            {
                ["aliases"] = new JsonArray([.. state.RichMenus.Aliases().Select(a => (JsonNode)new JsonObject { ["richMenuAliasId"] = a.Key, ["richMenuId"] = a.Value })]),
            });
        });
        line.MapGet("/v2/bot/richmenu/alias/{aliasId}", (HttpContext http, string aliasId, StandInState state) =>
        {
            Record(http, state, "alias-get", null);
            return state.RichMenus.Alias(aliasId) is { } id
                ? Json(new JsonObject { ["richMenuAliasId"] = aliasId, ["richMenuId"] = id })
                : Error(404, "richmenu alias not found");
        });
        line.MapPost("/v2/bot/richmenu/alias", async (HttpContext http, StandInState state) =>
        {
            var (body, _) = await ReadAsync(http, state, "alias-create");
            return Answer(state.RichMenus.SetAlias(Text(body, "richMenuAliasId"), Text(body, "richMenuId"), create: true));
        });
        line.MapPost("/v2/bot/richmenu/alias/{aliasId}", async (HttpContext http, string aliasId, StandInState state) =>
        {
            var (body, _) = await ReadAsync(http, state, "alias-update");
            return Answer(state.RichMenus.SetAlias(aliasId, Text(body, "richMenuId"), create: false));
        });
        line.MapDelete("/v2/bot/richmenu/alias/{aliasId}", (HttpContext http, string aliasId, StandInState state) =>
        {
            Record(http, state, "alias-delete", null);
            return Answer(state.RichMenus.DeleteAlias(aliasId));
        });
        line.MapPost("/v2/bot/user/{userId}/richmenu/{richMenuId}", (HttpContext http, string userId, string richMenuId, StandInState state) =>
        {
            Record(http, state, "link", null);
            return Answer(state.RichMenus.Link([userId], richMenuId));
        });
        line.MapGet("/v2/bot/user/{userId}/richmenu", (HttpContext http, string userId, StandInState state) =>
        {
            Record(http, state, "user-get", null);
            return state.RichMenus.LinkedTo(userId) is { } id ? Json(new JsonObject { ["richMenuId"] = id }) : Error(404, "the user has no richmenu");
        });
        line.MapDelete("/v2/bot/user/{userId}/richmenu", (HttpContext http, string userId, StandInState state) =>
        {
            Record(http, state, "unlink", null);
            state.RichMenus.Unlink(userId);
            return Json(new JsonObject());
        });
        line.MapPost("/v2/bot/richmenu/bulk/link", async (HttpContext http, StandInState state) =>
        {
            var (body, _) = await ReadAsync(http, state, "bulk-link");
            if (body?["userIds"] is not JsonArray { Count: > 0 and <= 500 } users)
            {
                return Error(400, "The request body has 1 error(s)", "userIds: size must be between 1 and 500");
            }

            var (status, error) = state.RichMenus.Link(users.Select(u => u!.GetValue<string>()), Text(body, "richMenuId"));
            return status == 200 ? Json(new JsonObject(), 202) : Error(status, error!);
        });
        line.MapPost("/v2/bot/richmenu/batch", async (HttpContext http, StandInState state) =>
        {
            var (body, _) = await ReadAsync(http, state, "batch");
            var moves = (body?["operations"] as JsonArray ?? [])
                .Where(o => o?["type"]?.GetValue<string>() == "link")
                .Select(o => (Text(o!.AsObject(), "from"), Text(o.AsObject(), "to")))
                .ToList();
            var requestId = Guid.NewGuid().ToString();
            http.Response.Headers["x-line-request-id"] = requestId;
            var (status, error) = state.RichMenus.Move(moves, requestId);
            return status == 202 ? Json(new JsonObject(), 202) : Error(status, error!);
        });
        line.MapGet("/v2/bot/richmenu/progress/batch", (HttpContext http, string requestId, StandInState state) =>
        {
            Record(http, state, "batch-progress", null);
            var now = state.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            return state.RichMenus.BatchDone(requestId)
                ? Json(new JsonObject { ["phase"] = "succeeded", ["acceptedTime"] = now, ["completedTime"] = now })
                : Error(404, "Not found");
        });
        return line;
    }

    private static async Task<(JsonObject? Body, string Text)> ReadAsync(HttpContext http, StandInState state, string kind)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        Record(http, state, kind, text);
        try
        {
            return (JsonNode.Parse(text) as JsonObject, text);
        }
        catch (JsonException)
        {
            return (null, text);
        }
    }

    private static void Record(HttpContext http, StandInState state, string kind, string? body) =>
        state.RichMenus.Record(new StandInRichMenuCall(kind, http.Request.Method, http.Request.Path.Value![StandInEndpoints.Prefix.Length..], body));

    private static string Text(JsonObject? body, string name) => body?[name]?.GetValue<string>() ?? "";

    private static IResult Answer((int Status, string? Error) outcome) =>
        outcome.Status == 200 ? Json(new JsonObject()) : Error(outcome.Status, outcome.Error!);

    private static IResult Error(int status, string message, string? detail = null)
    {
        var body = new JsonObject { ["message"] = message };
        if (detail is not null)
        {
            body["details"] = new JsonArray(new JsonObject { ["message"] = detail });
        }

        return Json(body, status);
    }

    private static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(), "application/json; charset=utf-8", statusCode: status);
}
