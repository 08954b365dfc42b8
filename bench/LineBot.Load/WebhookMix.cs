using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LineBot.Load;

/// <summary>What a sent event was, for the accounting.</summary>
internal enum EventKind
{
    Report,
    Chatter,
    Image,
    Command,
    Join,
}

/// <summary>What a sent event was, for the accounting; a report's <paramref name="Day"/> (yyyyMMdd) names its current row.</summary>
internal sealed record SentEvent(string Id, EventKind Kind, string? ReplyToken, string? MessageId, string UserId, string? Day = null);

/// <summary>One webhook request: the events it carries and whether it repeats an earlier one.</summary>
internal sealed record WebhookRequest(JsonObject[] Events, bool Redelivery)
{
    public byte[] Body(bool redelivery)
    {
        var events = new JsonArray();
        foreach (var e in Events)
        {
            var copy = e.DeepClone().AsObject();
            copy["deliveryContext"] = new JsonObject { ["isRedelivery"] = redelivery };
            events.Add(copy);
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["destination"] = WebhookMix.Destination, ["events"] = events }.ToJsonString());
    }
}

/// <summary>
/// A realistic day in a provincial group, as LINE sends it: 40% daily reports (each from its own reporter, so each
/// is one report row), 35% chatter, 15% image sets (three images in one body), 10% commands, and on top of that 10%
/// of requests repeat an earlier body with <c>isRedelivery: true</c>. Every text carries <see cref="Marker"/>,
/// which must never appear in the bot's logs. Seeded: the same seed gives the same requests.
/// </summary>
internal sealed class WebhookMix(string groupId, int seed, double redeliveryShare = 0.10)
{
    public const string Destination = "U0000000000000000000000000000load";

    /// <summary>A phrase in every text sent: message text must not reach a log line.</summary>
    public const string Marker = "แปลงทดสอบโหลดลับ";

    private static readonly string[] Months = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];
    private static readonly string[] Chatter = ["สวัสดีครับทุกท่าน", "ขอบคุณค่ะ", "รับทราบครับ", "พรุ่งนี้ประชุมกี่โมงคะ", "ฝนตกหนักมากวันนี้", "👍"];
    private static readonly string[] Commands = ["/ช่วยเหลือ", "/help", "/สถานะ", "/ยังไม่ส่ง"];

    private readonly Random _random = new(seed);
    private readonly List<WebhookRequest> _recent = [];
    private readonly ConcurrentDictionary<string, SentEvent> _ledger = new();
    private readonly string _run = Convert.ToHexStringLower(BitConverter.GetBytes(seed))[..6];
    private long _counter;

    public string GroupId => groupId;

    /// <summary>Every distinct event handed out so far, by webhookEventId.</summary>
    public IReadOnlyDictionary<string, SentEvent> Ledger => _ledger;

    public long Redeliveries { get; private set; }

    /// <summary>The bot's own join, sent first, as LINE does when the bot is invited.</summary>
    public WebhookRequest Join(long timestamp)
    {
        var e = Event("join", "Ujoin", timestamp, null);
        Record(e, EventKind.Join, null, null, "Ujoin");
        return Keep(new WebhookRequest([e], false));
    }

    public WebhookRequest Next(long timestamp)
    {
        if (_recent.Count > 0 && _random.NextDouble() < redeliveryShare)
        {
            Redeliveries++;
            return new WebhookRequest(_recent[_random.Next(_recent.Count)].Events, true);
        }

        var roll = _random.NextDouble();
        return Keep(roll switch
        {
            < 0.40 => new WebhookRequest([Report(NewUser(), "นายทดสอบ ที่" + Interlocked.Increment(ref _counter), BangkokDay(timestamp), timestamp)], false),
            < 0.75 => new WebhookRequest([Text(EventKind.Chatter, PoolUser(), Chatter[_random.Next(Chatter.Length)] + " " + Marker, timestamp)], false),
            < 0.90 => ImageSet(timestamp),
            _ => new WebhookRequest([Text(EventKind.Command, PoolUser(), Commands[_random.Next(Commands.Length)], timestamp)], false),
        });
    }

    /// <summary>
    /// The <paramref name="index"/>th reporter of a fixed pool (the same ID and name whenever asked): reporters who
    /// report day after day, as a province's นพต. do, rather than a new reporter with every report.
    /// </summary>
    public string PoolReporter(int index) => "U" + _run + "1111" + index.ToString("D22", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A daily report by <paramref name="userId"/> for <paramref name="day"/>, sent at <paramref name="timestamp"/>.</summary>
    public WebhookRequest ReportFrom(string userId, string name, DateOnly day, long timestamp) =>
        Keep(new WebhookRequest([Report(userId, name, day, timestamp)], false));

    /// <summary>A text message event from one user (e.g. an admin's command), recorded in the ledger.</summary>
    public WebhookRequest TextFrom(string userId, string text, long timestamp, EventKind kind = EventKind.Command) =>
        Keep(new WebhookRequest([Text(kind, userId, text, timestamp)], false));

    private WebhookRequest Keep(WebhookRequest request)
    {
        _recent.Add(request);
        if (_recent.Count > 1000)
        {
            _recent.RemoveAt(_random.Next(_recent.Count));
        }

        return request;
    }

    private JsonObject Report(string userId, string name, DateOnly day, long timestamp) =>
        Text(EventKind.Report, userId, ReportText(day, name), timestamp, day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));

    public static DateOnly BangkokDay(long timestamp) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(timestamp).ToOffset(TimeSpan.FromHours(7)).DateTime);

    private JsonObject Text(EventKind kind, string userId, string text, long timestamp, string? day = null)
    {
        var token = NewId(32);
        var messageId = NewMessageId();
        var e = Event("message", userId, timestamp, new JsonObject
        {
            ["replyToken"] = token,
            ["message"] = new JsonObject { ["type"] = "text", ["id"] = messageId, ["quoteToken"] = "q" + NewId(30), ["text"] = text },
        });
        Record(e, kind, token, messageId, userId, day);
        return e;
    }

    private WebhookRequest ImageSet(long timestamp)
    {
        var user = PoolUser();
        var set = NewId(32);
        var events = new JsonObject[3];
        for (var i = 0; i < events.Length; i++)
        {
            var token = NewId(32);
            var messageId = NewMessageId();
            events[i] = Event("message", user, timestamp + i, new JsonObject
            {
                ["replyToken"] = token,
                ["message"] = new JsonObject
                {
                    ["type"] = "image",
                    ["id"] = messageId,
                    ["quoteToken"] = "q" + NewId(30),
                    ["contentProvider"] = new JsonObject { ["type"] = "line" },
                    ["imageSet"] = new JsonObject { ["id"] = set, ["index"] = i + 1, ["total"] = events.Length },
                },
            });
            Record(events[i], EventKind.Image, token, messageId, user);
        }

        return new WebhookRequest(events, false);
    }

    private JsonObject Event(string type, string userId, long timestamp, JsonObject? extra)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = timestamp,
            ["source"] = new JsonObject { ["type"] = "group", ["groupId"] = groupId, ["userId"] = userId },
            ["mode"] = "active",
            ["webhookEventId"] = "01" + NewId(24).ToUpperInvariant(),
        };
        foreach (var (key, value) in extra ?? [])
        {
            e[key] = value?.DeepClone();
        }

        return e;
    }

    private void Record(JsonObject e, EventKind kind, string? token, string? messageId, string userId, string? day = null)
    {
        var id = e["webhookEventId"]!.GetValue<string>();
        _ledger[id] = new SentEvent(id, kind, token, messageId, userId, day);
    }

    private string ReportText(DateOnly day, string name)
    {
        var n = _random.Next(10, 400);
        return $"""
            รายงานการปฏิบัติงานประจำวัน
            วันที่ {day.Day} {Months[day.Month - 1]} {day.Year + 543}
            ชื่อ {name}
            พื้นที่ HLM {Marker} ต.คลองนา อ.เมืองฉะเชิงเทรา
            กิจกรรม ขุดคลองไส้ไก่ ปลูกหญ้าแฝก {n} ต้น
            ผลการปฏิบัติงาน ขุดคลองไส้ไก่ได้ {n / 5} เมตร
            ปัญหา/อุปสรรค ฝนตกหนัก ดินแฉะ
            แผนวันถัดไป ปลูกไม้ป่า 5 ระดับ
            """;
    }

    // Every report from a reporter of its own: one report row per report, so storage can be counted exactly.
    private string NewUser() => "U" + _run + NewId(26);

    private string PoolUser() => "U" + _run + "0000" + _random.Next(50).ToString("D22", System.Globalization.CultureInfo.InvariantCulture);

    private string NewMessageId() => _random.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string NewId(int length)
    {
        const string alphabet = "0123456789abcdef";
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}

/// <summary>LINE's signature: base64 HMAC-SHA256 of the raw body with the channel secret.</summary>
internal static class Signature
{
    public static string Sign(string secret, byte[] body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
