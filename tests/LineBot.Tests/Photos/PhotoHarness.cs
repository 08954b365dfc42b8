using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using LineBot.Events;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Tests.Infrastructure;
using LineBot.Webhook;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LineBot.Tests.Photos;

/// <summary>
/// The real core (worker, dispatcher, photo handlers) over Azurite, with a WireMock stand-in for LINE's data
/// API on loopback. The data API base has a path (<c>/data</c>) to prove requests are relative to it.
/// </summary>
internal sealed class PhotoHarness : IAsyncDisposable
{
    public const string Token = "test-channel-token";
    public const string Group = "Cphotogroup";
    public const string User = "Uphotouser";

    private PhotoHarness(WireMockServer line, ServiceProvider services, CapturedLogs logs)
    {
        Line = line;
        Services = services;
        Logs = logs;
    }

    public WireMockServer Line { get; }
    public ServiceProvider Services { get; }
    public CapturedLogs Logs { get; }

    public PhotoStore Photos => Services.GetRequiredService<PhotoStore>();
    public ReportStore Reports => Services.GetRequiredService<ReportStore>();
    public ReporterStore Reporters => Services.GetRequiredService<ReporterStore>();
    public LocationStore Locations => Services.GetRequiredService<LocationStore>();

    /// <summary>A Bangkok date and time as LINE's event timestamp.</summary>
    public static long At(DateOnly date, int hour, int minute = 0) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();

    public static PhotoHarness Start(IDictionary<string, string?>? settings = null)
    {
        var line = WireMockServer.Start();
        var values = new Dictionary<string, string?>
        {
            ["Line:DataApiBaseUrl"] = line.Url + "/data",
            ["Line:ChannelAccessToken"] = Token,
            ["Photos:RetryDelay"] = "00:00:01",
            ["Photos:AllowLoopbackHttp"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var logs = new CapturedLogs();
        return new PhotoHarness(line, CoreServices.Build(values, logs), logs);
    }

    public static string NewMessageId() => Random.Shared.NextInt64(100000000000000, 999999999999999).ToString();

    /// <summary>LINE's data API answers this message's content with these bytes (only with our bearer token).</summary>
    public void ServeContent(string messageId, byte[] body, string contentType = "image/jpeg", string suffix = "")
    {
        Line.Given(Request.Create().WithPath($"/data/v2/bot/message/{messageId}/content{suffix}").UsingGet().WithHeader("Authorization", "Bearer " + Token))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithHeader("x-line-request-id", "req-" + messageId).WithBody(body));
    }

    public void ServeStatus(string messageId, int status, string suffix = "")
    {
        Line.Given(Request.Create().WithPath($"/data/v2/bot/message/{messageId}/content{suffix}").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("x-line-request-id", $"req-{status}-{messageId}"));
    }

    public int ContentRequests(string messageId, string suffix = "") =>
        Line.LogEntries.Count(e => e.RequestMessage.Path == $"/data/v2/bot/message/{messageId}/content{suffix}");

    public static JsonObject MediaEvent(string type, string messageId, long timestamp, string? userId = User, JsonObject? extra = null, string? eventId = null)
    {
        var message = new JsonObject
        {
            ["type"] = type,
            ["id"] = messageId,
            ["quoteToken"] = "q" + messageId,
            ["contentProvider"] = new JsonObject { ["type"] = "line" },
        };
        foreach (var (key, value) in extra ?? [])
        {
            message[key] = value?.DeepClone();
        }

        return WebhookBuilder.Event("message", Group, userId, timestamp, eventId, extra: new JsonObject
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["message"] = message,
        });
    }

    public static JsonObject ImageEvent(string messageId, long timestamp, string? setId = null, int? index = null, int? total = null)
    {
        var extra = new JsonObject();
        if (setId is not null)
        {
            extra["imageSet"] = new JsonObject { ["id"] = setId, ["index"] = index, ["total"] = total };
        }

        return MediaEvent("image", messageId, timestamp, extra: extra);
    }

    /// <summary>Runs one event through the real worker, as the queue trigger would.</summary>
    public Task<WorkOutcome> ProcessAsync(JsonObject evt)
    {
        var envelope = new QueueEnvelope { EventJson = evt.ToJsonString(), Destination = WebhookBuilder.Destination };
        return Services.GetRequiredService<EventWorker>().ProcessAsync(JsonSerializer.Serialize(envelope, EventsJsonContext.Default.QueueEnvelope), CancellationToken.None);
    }

    /// <summary>
    /// Waits for queued work items (e.g. a content retry after its visibility delay) and runs them through the
    /// worker; returns their kinds.
    /// </summary>
    public async Task<IReadOnlyList<string>> PumpQueueAsync(int expected, TimeSpan? wait = null)
    {
        var queue = await Services.Storage().QueueAsync(Services.Names().EventsQueue);
        var worker = Services.GetRequiredService<EventWorker>();
        var kinds = new List<string>();
        var deadline = TimeProvider.System.GetUtcNow().Add(wait ?? TimeSpan.FromSeconds(15));
        while (kinds.Count < expected && TimeProvider.System.GetUtcNow() < deadline)
        {
            var batch = await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1));
            foreach (var message in batch.Value)
            {
                kinds.Add(EventQueue.TryRead(message.MessageText)?.Kind ?? "?");
                await worker.ProcessAsync(message.MessageText, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            if (batch.Value.Length == 0)
            {
                await Task.Delay(200);
            }
        }

        return kinds;
    }

    public async Task<BlobClient> BlobAsync(string name) =>
        (await Services.Storage().ContainerAsync(Services.Names().PhotosContainer)).GetBlobClient(name);

    public async Task SaveReportAsync(DateOnly date, string reporterId = User, string messageId = "report-1") =>
        await Reports.SaveAsync(new DailyReport
        {
            GroupId = Group,
            ReporterId = reporterId,
            ReporterName = "นายทดสอบ ภาพถ่าย",
            Date = date,
            MessageId = messageId,
            Activities = ["ปลูกป่า"],
        }, At(date, 17), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Line.Stop();
        Line.Dispose();
    }
}
