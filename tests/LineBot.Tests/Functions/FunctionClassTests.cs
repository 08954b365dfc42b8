using System.Text;
using Azure.Data.Tables;
using LineBot.Events;
using LineBot.Functions;
using LineBot.Tests.Infrastructure;
using LineBot.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Functions;

/// <summary>The Functions host cannot run here; its trigger classes are plain classes, tested directly over Azurite.</summary>
public sealed class FunctionClassTests
{
    [Fact]
    public async Task WebhookFunction_SignedBody_Returns200AndQueuesTheEvent()
    {
        await using var services = CoreServices.Build();
        var function = new WebhookFunction(services.GetRequiredService<WebhookIngress>());
        var body = WebhookBuilder.Body(WebhookBuilder.Event("join", "Cfunc", null));

        var result = (ContentResult)await function.RunAsync(Request(body, SignatureValidator.Sign(BotHost.Secret, Encoding.UTF8.GetBytes(body))), default);

        Assert.Equal(200, result.StatusCode);
        var queue = await services.Storage().QueueAsync(services.Names().EventsQueue);
        Assert.Single((await queue.PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task WebhookFunction_BadSignature_Returns401()
    {
        await using var services = CoreServices.Build();
        var function = new WebhookFunction(services.GetRequiredService<WebhookIngress>());

        var result = (ContentResult)await function.RunAsync(Request("""{"events":[]}""", "bm90IGl0"), default);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task EventQueueFunction_ProcessesEventOnce()
    {
        var logs = new CapturedLogs();
        await using var services = CoreServices.Build(logs: logs);
        var function = new EventQueueFunction(services.GetRequiredService<EventWorker>(), services.GetRequiredService<PoisonStore>());
        var message = $$"""{"kind":"event","destination":"U1","eventJson":{{System.Text.Json.JsonSerializer.Serialize(WebhookBuilder.Event("join", "Cq", null).ToJsonString())}}}""";

        await function.RunAsync(message, 1, default);
        await function.RunAsync(message, 1, default);

        Assert.Equal(1, logs.Count(2009));
        Assert.Equal(1, logs.Count(2004));
    }

    [Fact]
    public async Task EventQueueFunction_FailingBeforeLastAttempt_Throws_OnLastAttempt_RecordsPoison()
    {
        await using var services = CoreServices.Build();
        var function = new EventQueueFunction(services.GetRequiredService<EventWorker>(), services.GetRequiredService<PoisonStore>());
        const string message = """{"kind":"event","destination":"U1","blobName":"claims/none.json"}""";

        await Assert.ThrowsAnyAsync<Exception>(() => function.RunAsync(message, 1, default));
        await function.RunAsync(message, EventQueueFunction.MaxDequeueCount, default);

        var poison = await services.Storage().QueueAsync(services.Names().EventsPoisonQueue);
        Assert.Single((await poison.PeekMessagesAsync(10)).Value);
        var rows = new List<TableEntity>();
        await foreach (var row in services.Storage().Tables.GetTableClient(services.Names().PoisonTable).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        Assert.Equal(EventQueueFunction.MaxDequeueCount, Assert.Single(rows).GetInt64("Attempts"));
    }

    private static HttpRequest Request(string body, string signature)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.Headers["X-Line-Signature"] = signature;
        return context.Request;
    }
}
