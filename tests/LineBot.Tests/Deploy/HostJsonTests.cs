using System.Text.Json.Nodes;
using LineBot.Functions;

namespace LineBot.Tests.Deploy;

/// <summary>host.json's queue settings agree with what core and the queue function assume.</summary>
public sealed class HostJsonTests
{
    private static JsonNode Queues =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(DeployPaths.RepositoryRoot, "host.json")))!["extensions"]!["queues"]!;

    [Fact]
    public void MessageEncoding_IsNone_AsCoreWritesMessages()
    {
        // StorageClients writes plain text (QueueMessageEncoding.None); the host's default (base64) would fail every message.
        Assert.Equal("none", (string?)Queues["messageEncoding"], ignoreCase: true);
    }

    [Fact]
    public void MaxDequeueCount_IsTheAttemptAtWhichTheFunctionRecordsThePoisonReason()
    {
        Assert.Equal(EventQueueFunction.MaxDequeueCount, (int)Queues["maxDequeueCount"]!);
    }
}
