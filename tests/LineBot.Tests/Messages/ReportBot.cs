using System.Text.Json.Nodes;
using LineBot.Calendar;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Storage;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Messages;

/// <summary>
/// The real <c>linebot serve</c> app over Azurite, talking to a WireMock stand-in for LINE over HTTP: replies
/// and profile look-ups are answered and recorded, so tests see exactly what the bot sent.
/// </summary>
internal sealed class ReportBot : IAsyncDisposable
{
    public const string Group = "Creportgroup";
    public const string Admin = "Uadmin000000000000000000000000000";
    private const int Processed = 2009;

    private int _sent;

    private ReportBot(LineMock line, BotHost bot)
    {
        Line = line;
        Bot = bot;
    }

    public LineMock Line { get; }
    public BotHost Bot { get; }
    public ReportStore Reports => Bot.Services.GetRequiredService<ReportStore>();
    public ReporterStore Reporters => Bot.Services.GetRequiredService<ReporterStore>();

    /// <summary>Today in Bangkok, the date reports written now are for.</summary>
    public static DateOnly Today => BotClock.DateIn(TestTime.Instance.GetUtcNow(), TestTime.Instance.LocalTimeZone);

    /// <summary>Now on the bot's clock (<see cref="TestTime"/>), in LINE's milliseconds.</summary>
    public static long Now => TestTime.Instance.GetUtcNow().ToUnixTimeMilliseconds();

    public static async Task<ReportBot> StartAsync(IDictionary<string, string?>? settings = null, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/reply", Http.Json(200, Http.SentMessages));
        var values = new Dictionary<string, string?>
        {
            ["Line:ChannelAccessToken"] = LineMock.Token,
            ["Line:ApiBaseUrl"] = line.Server.Url + "/api",
            ["Line:DataApiBaseUrl"] = line.Server.Url + "/data",
            ["Line:Http:RetryBaseDelay"] = "00:00:00.010",
            ["Bot:AdminUserIds:0"] = Admin,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ReportBot(line, await BotHost.StartAsync(values, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(TestTime.Instance);
            builder.Services.AddSingleton(new LinkClock(TimeProvider.System));
            configure?.Invoke(builder);
        }));
    }

    /// <summary>A report as นพต. type it, dated <paramref name="date"/> (numeric BE).</summary>
    public static string ReportText(DateOnly date, string name = "นายสมชาย ใจดี", string activities = "1. ขุดคลองไส้ไก่\n2. ปลูกผักสวนครัว", string? certifier = "นายดำ มั่นคง", string problems = "ไม่มี") =>
        $"รายงานการปฏิบัติงานประจำวัน\nวันที่ {date.Day}/{date.Month}/{date.Year + 543}\n"
        + (name.Length > 0 ? $"ชื่อ: {name}\n" : "")
        + $"พื้นที่: HLM ต.บางพระ อ.เมือง\nกิจกรรม\n{activities}\nปัญหา/อุปสรรค: {problems}\n"
        + (certifier is null ? "" : $"ผู้รับรอง: {certifier}\n");

    public static JsonObject Text(string text, string? userId = "Ureporter1", string? groupId = Group, string mode = "active") =>
        WebhookBuilder.TextEvent(text, groupId: groupId!, userId: userId, timestamp: Now, mode: mode);

    /// <summary>Posts the events (signed) and waits until the worker has processed them.</summary>
    public async Task SendAsync(params JsonObject[] events)
    {
        var response = await Bot.PostWebhookAsync(WebhookBuilder.Body(events));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        _sent += events.Length;
        await Bot.WaitForAsync(l => l.Count(Processed) >= _sent);
    }

    /// <summary>Reply request bodies, oldest first.</summary>
    public IReadOnlyList<JsonObject> Replies() =>
        [.. Line.ApiRequests("/v2/bot/message/reply").OrderBy(e => e.RequestMessage.DateTime).Select(e => JsonNode.Parse(e.RequestMessage.Body!)!.AsObject())];

    public static string TextOf(JsonObject reply, int index = 0) => reply["messages"]![index]!["text"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        try
        {
            Line.AssertRequestsMatchSpec();
        }
        finally
        {
            await Bot.DisposeAsync();
            await Line.DisposeAsync();
        }
    }
}
