using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.Load.Rig;

/// <summary>The kinds of failure <see cref="FakeLine"/> injects.</summary>
internal enum LineFault
{
    ServerError,
    TooManyRequests,
    Hang,
    Reset,
}

/// <summary>
/// A loopback stand-in for LINE's messaging and content APIs that counts what the bot delivered: replies by
/// token, pushes by <c>X-Line-Retry-Key</c> (a key already accepted gets 409, as LINE answers). It can fail a
/// share of calls (500, a transient 429, a hang then a dropped connection, a reset) and can play a channel whose
/// monthly quota is used up (429 "You have reached your monthly limit."). A failed call has no effect.
/// </summary>
internal sealed class FakeLine : IAsyncDisposable
{
    public const string MonthlyLimitMessage = "You have reached your monthly limit.";
    private static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z");

    private readonly WebApplication _app;
    private readonly Random _random;
    private readonly Lock _randomGate = new();
    private readonly ConcurrentDictionary<string, int> _replies = new();
    private readonly ConcurrentDictionary<string, string> _replyTexts = new();
    private readonly ConcurrentDictionary<string, int> _pushes = new();
    private readonly ConcurrentDictionary<string, int> _pushAttempts = new();
    private readonly ConcurrentQueue<(string To, string Text)> _pushTexts = new();
    private readonly ConcurrentDictionary<LineFault, int> _faults = new();
    private long _calls;
    private long _quotaRefusals;
    private long _pushesWithoutKey;
    private long _repeatedReplies;

    private FakeLine(WebApplication app, int seed)
    {
        _app = app;
        _random = new Random(seed);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Share of calls (0–1) that fail with one of <see cref="LineFault"/>, chosen at random.</summary>
    public double FaultRate { get; set; }

    public TimeSpan HangTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Push and multicast answer LINE's monthly-limit 429; the quota endpoints say it is used up.</summary>
    public bool QuotaExhausted { get; set; }

    public long Calls => Interlocked.Read(ref _calls);
    public long QuotaRefusals => Interlocked.Read(ref _quotaRefusals);
    public long PushesWithoutKey => Interlocked.Read(ref _pushesWithoutKey);
    public long RepeatedReplies => Interlocked.Read(ref _repeatedReplies);
    public IReadOnlyDictionary<string, int> RepliesByToken => _replies;
    public IReadOnlyDictionary<string, string> ReplyTextByToken => _replyTexts;
    public IReadOnlyDictionary<string, int> PushesByKey => _pushes;
    public IReadOnlyDictionary<string, int> PushAttemptsByKey => _pushAttempts;
    public IReadOnlyCollection<(string To, string Text)> PushTexts => _pushTexts;
    public IReadOnlyDictionary<LineFault, int> Faults => _faults;

    public static async Task<FakeLine> StartAsync(int seed = 1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var line = new FakeLine(app, seed);
        app.Use(line.InjectFaultsAsync);
        app.MapPost("/v2/bot/message/reply", (Delegate)line.ReplyAsync);
        app.MapPost("/v2/bot/message/push", (Delegate)line.PushAsync);
        app.MapPost("/v2/bot/message/multicast", (Delegate)line.PushAsync);
        app.MapGet("/v2/bot/profile/{userId}", (string userId) => Profile(userId));
        app.MapGet("/v2/bot/group/{groupId}/member/{userId}", (string userId) => Profile(userId));
        app.MapGet("/v2/bot/room/{roomId}/member/{userId}", (string userId) => Profile(userId));
        app.MapGet("/v2/bot/group/{groupId}/summary", (string groupId) => Results.Json(new JsonObject { ["groupId"] = groupId, ["groupName"] = "กลุ่มทดสอบโหลด" }));
        app.MapGet("/v2/bot/group/{groupId}/members/count", () => Results.Json(new JsonObject { ["count"] = 40 }));
        app.MapGet("/v2/bot/room/{roomId}/members/count", () => Results.Json(new JsonObject { ["count"] = 40 }));
        app.MapPost("/v2/bot/group/{groupId}/leave", () => Results.Ok());
        app.MapPost("/v2/bot/room/{roomId}/leave", () => Results.Ok());
        app.MapGet("/v2/bot/info", () => Results.Json(new JsonObject { ["userId"] = "Ubot0000000000000000000000000000", ["basicId"] = "@load", ["displayName"] = "LineBot", ["chatMode"] = "bot", ["markAsReadMode"] = "manual" }));
        app.MapGet("/v2/bot/message/quota", () => Results.Json(new JsonObject { ["type"] = "limited", ["value"] = 1000 }));
        app.MapGet("/v2/bot/message/quota/consumption", () => Results.Json(new JsonObject { ["totalUsage"] = line.QuotaExhausted ? 1000 : line._pushes.Count }));
        app.MapGet("/v2/bot/message/{messageId}/content", () => Results.Bytes(Jpeg, "image/jpeg"));
        app.MapGet("/v2/bot/message/{messageId}/content/preview", () => Results.Bytes(Jpeg, "image/jpeg"));
        app.MapGet("/v2/bot/message/{messageId}/content/transcoding", () => Results.Json(new JsonObject { ["status"] = "succeeded" }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        line.BaseAddress = new Uri(address);
        return line;
    }

    public IReadOnlyDictionary<LineFault, int> FaultCounts() => new Dictionary<LineFault, int>(_faults);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Profile(string userId) =>
        Results.Json(new JsonObject { ["userId"] = userId, ["displayName"] = "นพต. " + userId[^4..], ["language"] = "th" });

    private async Task InjectFaultsAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _calls);
        LineFault? fault = null;
        lock (_randomGate)
        {
            if (FaultRate > 0 && _random.NextDouble() < FaultRate)
            {
                fault = (LineFault)_random.Next(4);
            }
        }

        if (fault is null)
        {
            await next(context);
            return;
        }

        _faults.AddOrUpdate(fault.Value, 1, (_, n) => n + 1);
        switch (fault.Value)
        {
            case LineFault.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "Internal server error" });
                break;
            case LineFault.TooManyRequests:
                context.Response.StatusCode = 429;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "The API rate limit has been exceeded. Try again later." });
                break;
            case LineFault.Hang:
                try
                {
                    await Task.Delay(HangTime, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up first.
                }

                context.Abort();
                break;
            default:
                context.Abort();
                break;
        }
    }

    private async Task<IResult> ReplyAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var token = body?["replyToken"]?.GetValue<string>() ?? "";
        if (!_replies.TryAdd(token, 1))
        {
            // LINE: a reply token works once; a second use is the bot replying twice.
            Interlocked.Increment(ref _repeatedReplies);
            return Results.Json(new JsonObject { ["message"] = "Invalid reply token" }, statusCode: 400);
        }

        _replyTexts[token] = Texts(body);
        return Results.Json(new JsonObject { ["sentMessages"] = new JsonArray() });
    }

    private async Task<IResult> PushAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var key = context.Request.Headers["X-Line-Retry-Key"].ToString();
        if (key.Length > 0)
        {
            _pushAttempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        }

        if (QuotaExhausted)
        {
            Interlocked.Increment(ref _quotaRefusals);
            return Results.Json(new JsonObject { ["message"] = MonthlyLimitMessage }, statusCode: 429);
        }

        if (key.Length == 0)
        {
            Interlocked.Increment(ref _pushesWithoutKey);
        }
        else if (!_pushes.TryAdd(key, 1))
        {
            context.Response.Headers["x-line-accepted-request-id"] = Guid.NewGuid().ToString();
            return Results.Json(new JsonObject { ["message"] = "The retry key is already accepted" }, statusCode: (int)HttpStatusCode.Conflict);
        }

        var to = body?["to"] is JsonArray many ? string.Join(',', many.Select(n => n?.GetValue<string>())) : body?["to"]?.GetValue<string>() ?? "";
        _pushTexts.Enqueue((to, Texts(body)));
        return Results.Json(new JsonObject { ["sentMessages"] = new JsonArray() });
    }

    private static string Texts(JsonNode? body) =>
        body?["messages"] is JsonArray messages ? string.Join("\n", messages.Select(m => m?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))) : "";
}
