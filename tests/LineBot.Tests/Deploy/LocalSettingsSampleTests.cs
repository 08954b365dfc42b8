using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LineBot.Tests.Deploy;

/// <summary>
/// local.settings.sample.json (copied to local.settings.json to run the Functions app locally) names the same
/// settings as the Bicep, with the same default schedules, and nothing the app does not read.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed partial class LocalSettingsSampleTests(DeployArtifacts artifacts)
{
    // Read by the local Functions host (Core Tools); in Azure, Flex gives it as functionAppConfig.runtime.
    private static readonly string[] LocalOnly = ["FUNCTIONS_WORKER_RUNTIME"];

    // Set in Azure by the platform or by identity, with no local counterpart.
    private static readonly string[] AzureOnly = ["APPLICATIONINSIGHTS_CONNECTION_STRING", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage__accountName"];

    private JsonObject Template => artifacts.Template ?? throw new InvalidOperationException("bicep build failed:\n" + artifacts.BicepBuild.Output);

    private static JsonObject Values =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(DeployPaths.RepositoryRoot, "local.settings.sample.json")))!["Values"]!.AsObject();

    /// <summary>Sample names with list indexes written as the Bicep's <c>__{i}</c>.</summary>
    private static IReadOnlySet<string> SampleNames => Values.Select(v => ListIndex().Replace(v.Key, "__{i}")).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Sample_NamesEverySettingTheBicepSets()
    {
        var missing = ArmTemplate.AppSettingNames(Template).Except(AzureOnly).Where(n => !SampleNames.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "Set by infra/ but missing from local.settings.sample.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Sample_NamesOnlySettingsTheAppReads()
    {
        var metadata = PublishedAppTests.ReadMetadata(artifacts);
        var read = new HashSet<string>(AppSettingsReadByApp.OptionKeys(), StringComparer.Ordinal);
        read.UnionWith(AppSettingsReadByApp.Placeholders(metadata));
        read.UnionWith(AppSettingsReadByApp.Connections(metadata));
        read.UnionWith(LocalOnly);

        var unread = SampleNames.Where(n => !read.Contains(n)).ToList();
        Assert.True(unread.Count == 0, "local.settings.sample.json sets what nothing reads: " + string.Join(", ", unread));
    }

    [Theory]
    [InlineData("Schedules__WeeklyReminder", "scheduleWeeklyReminder")]
    [InlineData("Schedules__WeeklyDigest", "scheduleWeeklyDigest")]
    [InlineData("Schedules__Monthly", "scheduleMonthly")]
    public void Sample_Schedules_AreTheBicepDefaults(string setting, string parameter)
    {
        Assert.Equal((string?)Template["parameters"]![parameter]!["defaultValue"], (string?)Values[setting]);
    }

    [GeneratedRegex(@"__\d+$")]
    private static partial Regex ListIndex();
}
