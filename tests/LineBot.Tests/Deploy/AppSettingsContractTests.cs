using System.Text.Json.Nodes;

namespace LineBot.Tests.Deploy;

/// <summary>
/// The settings the Bicep gives the Function App are exactly the ones the published app reads: nothing needed in
/// production is missing, and nothing set is unread (apart from the platform's own settings).
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class AppSettingsContractTests(DeployArtifacts artifacts)
{
    /// <summary>Read by the Functions platform, not by our code.</summary>
    private static readonly string[] PlatformSettings =
    [
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "FUNCTIONS_EXTENSION_VERSION", // Dedicated plan only; Flex rejects it
        "FUNCTIONS_WORKER_RUNTIME", // Dedicated plan only; Flex rejects it
    ];

    /// <summary>Options keys that production must set even though the options class has a default or allows empty.</summary>
    private static readonly string[] RequiredLineKeys = ["Line__ChannelSecret", "Line__ChannelAccessToken"];

    private JsonObject Template => artifacts.Template ?? throw new InvalidOperationException("bicep build failed:\n" + artifacts.BicepBuild.Output);

    private IReadOnlySet<string> BicepSettings => field ??= ArmTemplate.AppSettingNames(Template);

    [Fact]
    public void Bicep_SetsEveryPlaceholderTheTriggersUse()
    {
        var placeholders = AppSettingsReadByApp.Placeholders(PublishedAppTests.ReadMetadata(artifacts));
        Assert.Contains("Schedules__WeeklyReminder", placeholders); // the reader itself works
        Assert.All(placeholders, p => Assert.Contains(p, BicepSettings));
    }

    [Fact]
    public void Bicep_GivesEveryTriggerConnectionInIdentityForm()
    {
        var connections = AppSettingsReadByApp.Connections(PublishedAppTests.ReadMetadata(artifacts))
            .Append(LineBot.Storage.StorageClients.ConnectionSetting)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var connection in connections)
        {
            Assert.DoesNotContain(connection, BicepSettings); // a connection string: never
            var hasAccount = BicepSettings.Contains($"{connection}__accountName");
            var hasUris = new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri" }.All(k => BicepSettings.Contains($"{connection}__{k}"));
            Assert.True(hasAccount || hasUris, $"{connection}: neither {connection}__accountName nor the three service URIs are set.");
        }
    }

    [Fact]
    public void Bicep_SetsTheLineCredentialsAndEveryBotOption()
    {
        var botKeys = AppSettingsReadByApp.OptionKeys(typeof(LineBot.Configuration.BotOptions)).ToList();
        Assert.Contains("Bot__GroupIds__{i}", botKeys);
        Assert.All(RequiredLineKeys.Concat(botKeys), k => Assert.Contains(k, BicepSettings));
    }

    [Fact]
    public void Bicep_SetsNothingTheAppDoesNotRead()
    {
        var metadata = PublishedAppTests.ReadMetadata(artifacts);
        var read = new HashSet<string>(AppSettingsReadByApp.OptionKeys(), StringComparer.Ordinal);
        read.UnionWith(AppSettingsReadByApp.Placeholders(metadata));
        foreach (var connection in AppSettingsReadByApp.Connections(metadata).Append(LineBot.Storage.StorageClients.ConnectionSetting))
        {
            read.UnionWith(AppSettingsReadByApp.IdentityConnectionKeys.Select(k => $"{connection}__{k}"));
        }

        read.UnionWith(PlatformSettings);
        var unread = BicepSettings.Where(s => !read.Contains(s)).ToList();
        Assert.True(unread.Count == 0, "Set by infra/ but read by nobody: " + string.Join(", ", unread));
    }

    [Fact]
    public void Bicep_SetsTheOptionalRotationSettingOnlyAsAKnownOption()
    {
        // Line__PreviousChannelSecret appears only during a rotation, but must then be a key LineOptions binds.
        Assert.Contains("Line__PreviousChannelSecret", BicepSettings);
        Assert.Contains("Line__PreviousChannelSecret", AppSettingsReadByApp.OptionKeys());
    }
}
