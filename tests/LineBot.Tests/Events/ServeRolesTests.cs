using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Events;

/// <summary>
/// <c>linebot serve --no-worker</c> answers LINE and queues, and processes nothing; <c>--worker-only</c> over the same
/// storage processes what the other queued: ingress and worker measured and scaled apart.
/// </summary>
public sealed class ServeRolesTests
{
    private const int Processed = 2009;

    [Fact]
    public async Task WebhookOnly_Queues_WorkerOnly_Processes()
    {
        var prefix = Azurite.NewPrefix();
        var evt = WebhookBuilder.Event("join", "Croles", null);
        await using (var webhook = await BotHost.StartAsync(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix, ["Worker:Enabled"] = "false" }))
        {
            var response = await webhook.PostWebhookAsync(WebhookBuilder.Body(evt));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(1000);
            Assert.Equal(0, webhook.Logs.Count(Processed));
            var queue = await webhook.Storage.QueueAsync(webhook.Names.EventsQueue);
            Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }

        await using var worker = await BotHost.StartAsync(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix, ["Webhook:Enabled"] = "false" });
        await worker.WaitForAsync(l => l.Count(Processed) == 1);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await worker.PostWebhookAsync(WebhookBuilder.Body(WebhookBuilder.Event("join", "Croles", null)))).StatusCode);
    }

    [Fact]
    public void Flags_AreTheSettings()
    {
        Assert.Equal(["--urls", "x", "--Worker:Enabled=false"], LineBot.Cli.ServeCommand.ExpandFlags(["--urls", "x", "--no-worker"]));
        Assert.Equal(["--Webhook:Enabled=false"], LineBot.Cli.ServeCommand.ExpandFlags(["--worker-only"]));
    }
}
