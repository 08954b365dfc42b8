using System.Text.Json.Nodes;

namespace LineBot.Tests.Deploy;

/// <summary>`dotnet publish` of the Functions app gives what azd deploys: a complete, indexable isolated-worker app.</summary>
[Collection(DeployCollection.Name)]
public sealed class PublishedAppTests(DeployArtifacts artifacts)
{
    [Fact]
    public void Publish_Release_Succeeds()
    {
        Assert.True(artifacts.Publish.ExitCode == 0, artifacts.Publish.Output);
    }

    [Theory]
    [InlineData("host.json")]
    [InlineData("functions.metadata")]
    [InlineData("worker.config.json")]
    [InlineData("extensions.json")]
    [InlineData("LineBot.Functions.dll")]
    public void Publish_Output_ContainsWhatTheHostNeeds(string file)
    {
        Assert.True(File.Exists(Path.Combine(artifacts.PublishDirectory, file)), $"{file} missing from the publish output.\n{artifacts.Publish.Output}");
    }

    [Fact]
    public void Publish_Output_HasNoLocalSettings()
    {
        Assert.Empty(Directory.GetFiles(artifacts.PublishDirectory, "local.settings*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionWithItsTrigger()
    {
        var metadata = ReadMetadata(artifacts);
        var expected = AppSettingsReadByApp.Functions();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(f => f.Name).Order(), metadata.Select(f => (string)f!["name"]!).Order());

        foreach (var (name, trigger) in expected)
        {
            var function = metadata.OfType<JsonObject>().Single(f => (string?)f["name"] == name);
            var type = AppSettingsReadByApp.BindingType(trigger);
            Assert.Contains(function["bindings"]!.AsArray(), b => (string?)b!["type"] == type && (string?)b["direction"] == "In");
        }
    }

    [Fact]
    public void WorkerConfig_PointsAtThePublishedAssembly()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(artifacts.PublishDirectory, "worker.config.json")))!;
        Assert.Equal("dotnet-isolated", (string?)config["description"]!["language"]);
        var worker = (string)config["description"]!["defaultWorkerPath"]!;
        Assert.True(File.Exists(Path.Combine(artifacts.PublishDirectory, worker)), worker);
    }

    [Fact]
    public void HostJson_IsTheRepositoryOne()
    {
        Assert.Equal(
            File.ReadAllText(Path.Combine(DeployPaths.RepositoryRoot, "host.json")),
            File.ReadAllText(Path.Combine(artifacts.PublishDirectory, "host.json")));
    }

    internal static JsonArray ReadMetadata(DeployArtifacts artifacts)
    {
        var path = Path.Combine(artifacts.PublishDirectory, "functions.metadata");
        Assert.True(File.Exists(path), "publish failed:\n" + artifacts.Publish.Output);
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }
}
