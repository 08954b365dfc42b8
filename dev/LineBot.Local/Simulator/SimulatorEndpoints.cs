using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LineBot.Events;
using LineBot.LineStandIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using LineBot.Configuration;

namespace LineBot.Simulator;

/// <summary>
/// The chat simulator: its page at <see cref="Route"/> and a small JSON API the page and <c>linebot simulate</c>
/// use. Every chat action becomes a signed webhook request to the app's own webhook. Local mode only.
/// </summary>
internal static class SimulatorEndpoints
{
    public const string Route = "/simulator";
    private const int MaxPhotoBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapSimulator(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, () => Results.Content(SimulatorPage.Html, "text/html; charset=utf-8"));
        // Reading the timeline, waiting for events and setting the clock are not chat actions: they come before the
        // bot's join, so a script can set its start time first and the join happens then.
        var before = app.MapGroup(Route + "/api").AddEndpointFilter(SameOriginOnly);
        before.MapGet("/timeline", Timeline);
        before.MapPost("/clock", ClockAsync);
        before.MapGet("/events/{eventId}", async (string eventId, EventDeduplicator dedupe, CancellationToken ct) =>
            Json(new JsonObject { ["eventId"] = eventId, ["done"] = await dedupe.IsDoneAsync(eventId, ct) }));
        var api = app.MapGroup(Route + "/api").AddEndpointFilter(SameOriginOnly).AddEndpointFilter(JoinedFirst);
        api.MapGet("/state", State);
        api.MapPost("/members", AddMemberAsync);
        api.MapPost("/messages", SendTextAsync);
        api.MapPost("/photos", SendPhotosAsync);
        api.MapPost("/locations", SendLocationAsync);
        api.MapPost("/postbacks", PressAsync);
        api.MapPost("/messages/{messageId}/edit", EditAsync);
        api.MapPost("/messages/{messageId}/unsend", UnsendAsync);
        api.MapPost("/jobs/{name}", RunJobAsync);
        return app;
    }

    // Another web page open in the same browser must not drive the simulator: browsers send Origin on
    // cross-site POSTs, and it must be this server's own.
    private static async ValueTask<object?> SameOriginOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var origin = request.Headers.Origin.ToString();
        if (HttpMethods.IsPost(request.Method) && origin.Length > 0
            && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return Problem("cross-origin request refused", 403);
        }

        return await next(context);
    }

    // A session starts with the bot invited to the group (LINE's join), before anything a member does.
    private static async ValueTask<object?> JoinedFirst(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        await context.HttpContext.RequestServices.GetRequiredService<SimulatorJoin>().EnsureAsync(context.HttpContext.RequestAborted);
        return await next(context);
    }

    private static IResult State(SimulatorSession session, SimulatorClock clock, StandInState standIn, SimulatorJoin join, IServiceProvider services)
    {
        var jobs = services.GetRequiredService<ISimulatorJobs>();
        return Json(new JsonObject
        {
            ["groupId"] = session.GroupId,
            ["joinEventId"] = join.EventId,
            ["groupName"] = standIn.GroupName(session.GroupId),
            ["now"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["offsetMinutes"] = Math.Round(clock.Offset.TotalMinutes),
            ["members"] = new JsonArray([.. session.Members.Select(m => (JsonNode)MemberJson(m))]),
            ["jobs"] = new JsonObject
            {
                ["names"] = new JsonArray([.. jobs.Names.Select(n => (JsonNode)JsonValue.Create(n))]),
            },
        });
    }

    private static IResult Timeline(SimulatorSession session, StandInState standIn, long? after)
    {
        string? NameOf(string userId) => session.Member(userId)?.Name ?? standIn.Profile(userId)?.DisplayName;

        var items = new List<(long Seq, JsonObject Json)>();
        foreach (var e in session.Entries.Where(e => e.Seq > (after ?? 0)))
        {
            var json = new JsonObject
            {
                ["seq"] = e.Seq,
                ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture),
                ["kind"] = e.Kind,
                ["userId"] = e.UserId,
                ["name"] = e.UserId is null ? null : NameOf(e.UserId),
                ["messageId"] = e.MessageId,
                ["type"] = e.MessageType,
                ["text"] = e.Text,
                ["edited"] = e.Edited,
                ["unsent"] = e.Unsent,
                ["images"] = new JsonArray([.. e.ImageIds.Select(id => (JsonNode)JsonValue.Create($"{StandInEndpoints.Prefix}/v2/bot/message/{id}/content"))]),
                ["location"] = e.Location?.DeepClone(),
                ["eventIds"] = new JsonArray([.. e.EventIds.Select(id => (JsonNode)JsonValue.Create(id))]),
            };
            items.Add((e.Seq, json));
        }

        foreach (var r in standIn.Recorded(after ?? 0))
        {
            var messages = r.Body["messages"] as JsonArray ?? [];
            items.Add((r.Seq, new JsonObject
            {
                ["seq"] = r.Seq,
                ["at"] = r.At.ToString("O", CultureInfo.InvariantCulture),
                ["kind"] = r.Kind,
                ["to"] = r.To,
                ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject
                {
                    ["type"] = m?["type"]?.DeepClone(),
                    ["text"] = MessageText.Describe(m, NameOf),
                    ["raw"] = m?.DeepClone(),
                })]),
            }));
        }

        return Json(new JsonArray([.. items.OrderBy(i => i.Seq).Select(i => (JsonNode)i.Json)]));
    }

    private static async Task<IResult> AddMemberAsync(HttpContext http, SimulatorSession session, SimulatorWebhook webhook, CancellationToken ct)
    {
        var body = await ReadAsync(http);
        var name = Str(body?["name"]).Trim();
        if (name.Length is 0 or > 60)
        {
            return Problem("ต้องระบุชื่อสมาชิก (ไม่เกิน 60 ตัวอักษร)");
        }

        var userId = Str(body?["userId"]);
        if (userId.Length > 0 && !IsUserId(userId))
        {
            return Problem("userId ต้องขึ้นต้นด้วย U ตามด้วยเลขฐานสิบหก 32 ตัว");
        }

        var member = session.Add(name, Str(body?["role"]) is { Length: > 0 } role ? role : "นพต.", userId.Length > 0 ? userId : null);
        var evt = webhook.MemberJoinedEvent(session.GroupId, member.UserId);
        var status = await webhook.PostAsync([evt], ct);
        session.Append(seq => new SimulatorEntry { Seq = seq, At = webhook.Now, Kind = "note", Text = $"{member.Name} เข้าร่วมกลุ่ม", EventIds = [Str(evt["webhookEventId"])] });
        var json = MemberJson(member);
        json["status"] = status;
        json["eventIds"] = new JsonArray(JsonValue.Create(Str(evt["webhookEventId"])));
        return Json(json);
    }

    private static async Task<IResult> SendTextAsync(HttpContext http, SimulatorSession session, SimulatorWebhook webhook, StandInState standIn, CancellationToken ct)
    {
        var body = await ReadAsync(http);
        var text = Str(body?["text"]);
        if (session.Member(Str(body?["userId"])) is not { } member)
        {
            return Problem("ไม่พบสมาชิกที่เลือก");
        }

        if (text.Trim().Length == 0 || text.Length > 5000)
        {
            return Problem("ข้อความต้องไม่ว่างและยาวไม่เกิน 5,000 ตัวอักษร");
        }

        var id = standIn.NextMessageId();
        var message = new JsonObject { ["type"] = "text", ["id"] = id, ["text"] = text };
        if (SimulatorMentions.Find(text, session.Members) is { } mention)
        {
            message["mention"] = mention;
        }

        var evt = webhook.MessageEvent(session.GroupId, member.UserId, message);
        return await DeliverAsync(session, webhook, member, [evt], ct, seq => new SimulatorEntry
        {
            Seq = seq, At = webhook.Now, Kind = "user", UserId = member.UserId, MessageId = id, MessageType = "text", Text = text,
            EventIds = [Str(evt["webhookEventId"])],
        });
    }

    /// <summary>A member pressed a postback button: LINE shows its displayText as their message, else nothing.</summary>
    private static async Task<IResult> PressAsync(HttpContext http, SimulatorSession session, SimulatorWebhook webhook, CancellationToken ct)
    {
        var body = await ReadAsync(http);
        var data = Str(body?["data"]);
        if (session.Member(Str(body?["userId"])) is not { } member)
        {
            return Problem("ไม่พบสมาชิกที่เลือก");
        }

        if (data.Length is 0 or > 300)
        {
            return Problem("ข้อมูลปุ่มต้องไม่ว่างและยาวไม่เกิน 300 ตัวอักษร");
        }

        var shown = Str(body?["displayText"]);
        var evt = webhook.PostbackEvent(session.GroupId, member.UserId, data);
        return await DeliverAsync(session, webhook, member, [evt], ct, seq => shown.Length > 0
            ? new SimulatorEntry { Seq = seq, At = webhook.Now, Kind = "user", UserId = member.UserId, MessageType = "postback", Text = shown, EventIds = [Str(evt["webhookEventId"])] }
            : new SimulatorEntry { Seq = seq, At = webhook.Now, Kind = "note", Text = $"{member.Name} กดปุ่ม \"{Str(body?["label"])}\"", EventIds = [Str(evt["webhookEventId"])] });
    }

    private static async Task<IResult> SendPhotosAsync(HttpContext http, SimulatorSession session, SimulatorWebhook webhook, StandInState standIn, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Problem("ส่งรูปเป็น multipart/form-data");
        }

        var form = await http.Request.ReadFormAsync(ct);
        if (session.Member(form["userId"].ToString()) is not { } member)
        {
            return Problem("ไม่พบสมาชิกที่เลือก");
        }

        var files = form.Files.Where(f => f.Length > 0).ToList();
        if (files.Count is 0 or > 20 || files.Any(f => f.Length > MaxPhotoBytes))
        {
            return Problem("เลือกรูป 1–20 รูป ขนาดไม่เกิน 10 MB ต่อรูป");
        }

        // Several photos at once arrive from LINE as one image event each, sharing an imageSet id.
        var setId = files.Count > 1 ? Guid.NewGuid().ToString("N").ToUpperInvariant() : null;
        var events = new List<JsonObject>();
        var ids = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var id = standIn.NextMessageId();
            await using var stream = files[i].OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            standIn.UploadContent(id, buffer.ToArray(), string.IsNullOrEmpty(files[i].ContentType) ? "image/jpeg" : files[i].ContentType);
            var message = new JsonObject { ["type"] = "image", ["id"] = id, ["contentProvider"] = new JsonObject { ["type"] = "line" } };
            if (setId is not null)
            {
                message["imageSet"] = new JsonObject { ["id"] = setId, ["index"] = i + 1, ["total"] = files.Count };
            }

            events.Add(webhook.MessageEvent(session.GroupId, member.UserId, message));
            ids.Add(id);
        }

        return await DeliverAsync(session, webhook, member, events, ct, seq => new SimulatorEntry
        {
            Seq = seq, At = webhook.Now, Kind = "user", UserId = member.UserId, MessageId = ids[0], MessageType = "image",
            ImageIds = ids, EventIds = [.. events.Select(e => Str(e["webhookEventId"]))],
        });
    }

    private static async Task<IResult> SendLocationAsync(HttpContext http, SimulatorSession session, SimulatorWebhook webhook, StandInState standIn, CancellationToken ct)
    {
        var body = await ReadAsync(http);
        if (session.Member(Str(body?["userId"])) is not { } member)
        {
            return Problem("ไม่พบสมาชิกที่เลือก");
        }

        if (Num(body?["latitude"]) is not { } lat || Num(body?["longitude"]) is not { } lng || lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            return Problem("ละติจูด/ลองจิจูดไม่ถูกต้อง");
        }

        var id = standIn.NextMessageId();
        var location = new JsonObject
        {
            ["type"] = "location", ["id"] = id, ["title"] = Str(body?["title"]) is { Length: > 0 } t ? t : "ตำแหน่งที่แชร์",
            ["address"] = Str(body?["address"]), ["latitude"] = lat, ["longitude"] = lng,
        };
        var evt = webhook.MessageEvent(session.GroupId, member.UserId, (JsonObject)location.DeepClone());
        return await DeliverAsync(session, webhook, member, [evt], ct, seq => new SimulatorEntry
        {
            Seq = seq, At = webhook.Now, Kind = "user", UserId = member.UserId, MessageId = id, MessageType = "location",
            Location = location, EventIds = [Str(evt["webhookEventId"])],
        });
    }

    private static async Task<IResult> EditAsync(string messageId, HttpContext http, SimulatorSession session, SimulatorWebhook webhook, CancellationToken ct)
    {
        var body = await ReadAsync(http);
        var text = Str(body?["text"]);
        if (session.Sent(messageId) is not { Kind: "user", MessageType: "text", Unsent: false } entry || session.Member(entry.UserId!) is not { } member)
        {
            return Problem("แก้ไขได้เฉพาะข้อความตัวอักษรที่ส่งแล้วและยังไม่ยกเลิก", 404);
        }

        if (text.Trim().Length == 0 || text.Length > 5000)
        {
            return Problem("ข้อความต้องไม่ว่างและยาวไม่เกิน 5,000 ตัวอักษร");
        }

        var evt = webhook.MessageEvent(session.GroupId, member.UserId, new JsonObject { ["type"] = "text", ["id"] = messageId, ["text"] = text }, Webhook.EventTypes.MessageEdited);
        var status = await webhook.PostAsync([evt], ct);
        entry.Text = text;
        entry.Edited = true;
        return Json(new JsonObject { ["messageId"] = messageId, ["status"] = status, ["eventIds"] = new JsonArray(JsonValue.Create(Str(evt["webhookEventId"]))) });
    }

    private static async Task<IResult> UnsendAsync(string messageId, SimulatorSession session, SimulatorWebhook webhook, CancellationToken ct)
    {
        if (session.Sent(messageId) is not { Kind: "user", Unsent: false } entry || session.Member(entry.UserId!) is not { } member)
        {
            return Problem("ไม่พบข้อความนี้ หรือยกเลิกไปแล้ว", 404);
        }

        // One unsend event per message; a photo set is unsent photo by photo in LINE as well.
        var ids = entry.ImageIds.Count > 0 ? entry.ImageIds : [messageId];
        var events = ids.Select(id => webhook.UnsendEvent(session.GroupId, member.UserId, id)).ToList();
        var status = await webhook.PostAsync(events, ct);
        entry.Unsent = true;
        return Json(new JsonObject { ["messageId"] = messageId, ["status"] = status, ["eventIds"] = new JsonArray([.. events.Select(e => (JsonNode)JsonValue.Create(Str(e["webhookEventId"])))]) });
    }

    private static async Task<IResult> ClockAsync(HttpContext http, SimulatorClock clock, SimulatorSession session, IOptions<BotOptions> bot)
    {
        var body = await ReadAsync(http);
        if (body?["reset"]?.GetValueKind() == JsonValueKind.True)
        {
            clock.Reset();
        }
        else if (Str(body?["set"]) is { Length: > 0 } set)
        {
            if (!DateTimeOffset.TryParse(set, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return Problem("รูปแบบเวลาไม่ถูกต้อง (เช่น 2026-11-30T08:00:00+07:00)");
            }

            clock.Set(at);
        }
        else if (Num(body?["advanceMinutes"]) is { } minutes && Math.Abs(minutes) <= 366 * 24 * 60)
        {
            clock.Advance(TimeSpan.FromMinutes(minutes));
        }
        else
        {
            return Problem("ระบุ advanceMinutes, set หรือ reset");
        }

        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), BotZone(bot.Value));
        session.Append(seq => new SimulatorEntry { Seq = seq, At = clock.GetUtcNow(), Kind = "note", Text = "เลื่อนนาฬิกาเป็น " + local.ToString("ddd d MMM yyyy HH:mm", new CultureInfo("th-TH")) });
        return Json(new JsonObject
        {
            ["now"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["local"] = local.ToString("O", CultureInfo.InvariantCulture),
            ["offsetMinutes"] = Math.Round(clock.Offset.TotalMinutes),
        });
    }

    private static async Task<IResult> RunJobAsync(string name, SimulatorSession session, SimulatorClock clock, IServiceProvider services, CancellationToken ct)
    {
        var jobs = services.GetRequiredService<ISimulatorJobs>();
        if (!jobs.Names.Contains(name, StringComparer.Ordinal))
        {
            session.Append(seq => new SimulatorEntry { Seq = seq, At = clock.GetUtcNow(), Kind = "note", Text = $"งาน {name}: ไม่มีงานนี้ (unknown job)" });
            return Json(new JsonObject { ["name"] = name, ["available"] = false, ["summary"] = "unknown job" }, 404);
        }

        var result = await jobs.RunAsync(name, clock.GetUtcNow(), ct);
        session.Append(seq => new SimulatorEntry { Seq = seq, At = clock.GetUtcNow(), Kind = "note", Text = $"งาน {name}: {result.Summary}" });
        return Json(new JsonObject { ["name"] = name, ["available"] = true, ["succeeded"] = result.Succeeded, ["summary"] = result.Summary });
    }

    private static async Task<IResult> DeliverAsync(SimulatorSession session, SimulatorWebhook webhook, SimulatorMember member, List<JsonObject> events, CancellationToken ct, Func<long, SimulatorEntry> entry)
    {
        // The timeline shows the member's message before the bot's answer, as the chat would.
        var appended = session.Append(entry);
        var status = await webhook.PostAsync(events, ct);
        return Json(new JsonObject
        {
            ["messageId"] = appended.MessageId,
            ["messageIds"] = new JsonArray([.. events.Select(e => (JsonNode)JsonValue.Create(Str(e["message"]?["id"])))]),
            ["userId"] = member.UserId,
            ["status"] = status,
            ["eventIds"] = new JsonArray([.. appended.EventIds.Select(id => (JsonNode)JsonValue.Create(id))]),
        });
    }

    private static TimeZoneInfo BotZone(BotOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private static JsonObject MemberJson(SimulatorMember m) => new() { ["userId"] = m.UserId, ["name"] = m.Name, ["role"] = m.Role };

    private static bool IsUserId(string id) => id.Length == 33 && id[0] == 'U' && id.Skip(1).All(char.IsAsciiHexDigit);

    private static async Task<JsonNode?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    private static double? Num(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    private static IResult Problem(string message, int status = 400) => Json(new JsonObject { ["error"] = message }, status);

    private static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(), "application/json; charset=utf-8", statusCode: status);
}
