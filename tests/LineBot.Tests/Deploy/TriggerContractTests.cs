using System.Text.Json.Nodes;
using LineBot.Configuration;
using LineBot.Storage;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Deploy;

/// <summary>
/// The published app has exactly the triggers the bot needs, and they meet what the rest of the deployment
/// assumes: the webhook URL LINE is given, the queue core writes to, and the schedule settings the Bicep sets.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class TriggerContractTests(DeployArtifacts artifacts)
{
    private JsonObject Template => artifacts.Template ?? throw new InvalidOperationException("bicep build failed:\n" + artifacts.BicepBuild.Output);

    [Fact]
    public void FunctionsMetadata_HasTheWebhookTheQueueWorkerAndThreeTimers()
    {
        var triggers = PublishedAppTests.ReadMetadata(artifacts).OfType<JsonObject>()
            .ToDictionary(f => (string)f["name"]!, f => f["bindings"]!.AsArray().OfType<JsonObject>().Single(b => (string?)b["direction"] == "In"));

        Assert.Equal(["LineEventWorker", "LineWebhook", "MonthlyReport", "WeeklyDigest", "WeeklyReminder"], triggers.Keys.Order());

        var webhook = triggers["LineWebhook"];
        Assert.Equal("httpTrigger", (string?)webhook["type"]);
        Assert.Equal("line/webhook", (string?)webhook["route"]);
        Assert.Equal(["post"], webhook["methods"]!.AsArray().Select(m => (string)m!));
        Assert.Equal("Anonymous", (string?)webhook["authLevel"], ignoreCase: true); // LINE signs; it sends no function key

        var worker = triggers["LineEventWorker"];
        Assert.Equal("queueTrigger", (string?)worker["type"]);
        Assert.Equal(StorageClients.ConnectionSetting, (string?)worker["connection"]);

        Assert.Equal("timerTrigger", (string?)triggers["WeeklyReminder"]["type"]);
        Assert.Equal("%Schedules:WeeklyReminder%", (string?)triggers["WeeklyReminder"]["schedule"]);
        Assert.Equal("timerTrigger", (string?)triggers["WeeklyDigest"]["type"]);
        Assert.Equal("%Schedules:WeeklyDigest%", (string?)triggers["WeeklyDigest"]["schedule"]);
        Assert.Equal("timerTrigger", (string?)triggers["MonthlyReport"]["type"]);
        Assert.Equal("%Schedules:Monthly%", (string?)triggers["MonthlyReport"]["schedule"]);
    }

    [Fact]
    public void QueueTrigger_ListensOnTheQueueCoreWritesTo_WhichInfraLeavesUnprefixed()
    {
        var worker = PublishedAppTests.ReadMetadata(artifacts).OfType<JsonObject>()
            .Single(f => (string?)f["name"] == "LineEventWorker")["bindings"]!.AsArray()
            .OfType<JsonObject>().Single(b => (string?)b["type"] == "queueTrigger");
        var names = new StorageNames(Options.Create(new StorageOptions()));

        Assert.Equal(names.EventsQueue, (string?)worker["queueName"]);
        // A prefix would make core enqueue to <prefix>line-events, which no trigger listens on.
        Assert.DoesNotContain(ArmTemplate.AppSettingNames(Template), n => n.StartsWith(StorageOptions.Section + "__", StringComparison.Ordinal));
    }

    [Fact]
    public void QueueExtension_InThePublishedApp_SupportsIdentityBasedConnections()
    {
        // The host loads the queue trigger from extensions.json; identity-based connections need its major version 5+.
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(artifacts.PublishDirectory, "extensions.json")))!["extensions"]!.AsArray();
        var queues = extensions.OfType<JsonObject>().Single(e => (string?)e["name"] == "AzureStorageQueues");
        var assembly = new System.Reflection.AssemblyName(((string)queues["typeName"]!).Split(", ", 2)[1]);

        Assert.Equal("Microsoft.Azure.WebJobs.Extensions.Storage.Queues", assembly.Name);
        Assert.True(assembly.Version!.Major >= 5, $"Queue extension {assembly.Version} predates identity-based connections.");
        Assert.True(File.Exists(Path.Combine(artifacts.PublishDirectory, (string)queues["hintPath"]!)), "The queue extension is not in the publish output.");
    }

    [Fact]
    public void WebhookUrlOutput_IsTheHttpTriggersRouteUnderTheHostsRoutePrefix()
    {
        var route = (string)PublishedAppTests.ReadMetadata(artifacts).OfType<JsonObject>()
            .Single(f => (string?)f["name"] == "LineWebhook")["bindings"]!.AsArray()
            .OfType<JsonObject>().Single(b => (string?)b["type"] == "httpTrigger")["route"]!;
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(artifacts.PublishDirectory, "host.json")))!;
        var prefix = (string?)host["extensions"]?["http"]?["routePrefix"] ?? "api"; // the host's default

        // main.bicep passes on the resources module's webhookUrl output.
        Assert.Contains("outputs.webhookUrl.value", (string)Template["outputs"]!["LINE_WEBHOOK_URL"]!["value"]!, StringComparison.Ordinal);
        var webhookUrl = ArmTemplate.AllTemplates(Template)
            .Select(t => (string?)t["outputs"]?["webhookUrl"]?["value"])
            .Single(v => v is not null && !v.Contains("outputs.webhookUrl", StringComparison.Ordinal))!;
        Assert.StartsWith($"[format('https://{{0}}/{prefix}/{route}', ", webhookUrl, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", webhookUrl, StringComparison.Ordinal);
    }
}
