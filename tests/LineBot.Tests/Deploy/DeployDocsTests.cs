using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LineBot.Tests.Deploy;

/// <summary>docs/deploy.md and the README's Deploy section keep up with what infra/ actually takes and sets.</summary>
[Collection(DeployCollection.Name)]
public sealed partial class DeployDocsTests(DeployArtifacts artifacts)
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(DeployPaths.RepositoryRoot, "docs", "deploy.md"));

    private JsonObject Template => artifacts.Template ?? throw new InvalidOperationException("bicep build failed:\n" + artifacts.BicepBuild.Output);

    [Fact]
    public void Guide_NamesEveryAzdValueTheParametersFileReads()
    {
        var file = File.ReadAllText(Path.Combine(DeployPaths.InfraDirectory, "main.parameters.json"));
        var variables = AzdVariable().Matches(file).Select(m => m.Groups[1].Value)
            .Where(v => v is not ("AZURE_ENV_NAME" or "AZURE_LOCATION")) // azd's own, asked by azd up
            .ToList();

        Assert.Contains("BOT_GROUP_IDS", variables);
        Assert.All(variables, v => Assert.Contains($"`{v}`", Guide, StringComparison.Ordinal));
    }

    [Fact]
    public void Guide_NamesEveryAppSettingOfTheBot()
    {
        var settings = ArmTemplate.AppSettingNames(Template)
            .Where(n => n.Contains("__", StringComparison.Ordinal))
            .Select(n => n.Replace("__{i}", "__0", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("Schedules__Monthly", settings);
        Assert.All(settings, s => Assert.Contains($"`{s}`", Guide, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("scheduleWeeklyReminder")]
    [InlineData("scheduleWeeklyDigest")]
    [InlineData("scheduleMonthly")]
    public void Guide_ShowsTheDefaultSchedules(string parameter)
    {
        Assert.Contains($"`{(string)Template["parameters"]![parameter]!["defaultValue"]!}`", Guide, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_HasADeploySectionWithTheWebhookUrlAndALinkToTheGuide()
    {
        var readme = File.ReadAllText(Path.Combine(DeployPaths.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("\n## Deploy\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Deploy' section.");
        var next = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = next < 0 ? readme[start..] : readme[start..next];

        Assert.Contains("](docs/deploy.md", section, StringComparison.Ordinal);
        Assert.Contains("azd up", section, StringComparison.Ordinal);
        Assert.Contains("https://<app>.azurewebsites.net/api/line/webhook", section, StringComparison.Ordinal);
        Assert.Contains("Line:PreviousChannelSecret", section, StringComparison.Ordinal);
        Assert.Contains("Bot:GroupIds", section, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{([A-Z_][A-Z0-9_]*)")]
    private static partial Regex AzdVariable();
}
