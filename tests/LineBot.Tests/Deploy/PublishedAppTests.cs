using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
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
    public void Publish_Output_HasNoLocalModeAssembly()
    {
        Assert.True(File.Exists(Path.Combine(artifacts.PublishDirectory, "LineBot.Core.dll")), artifacts.Publish.Output);
        Assert.Empty(Directory.GetFiles(artifacts.PublishDirectory, "LineBot.Local*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(artifacts.PublishDirectory, "simulator*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Publish_OurAssemblies_HoldNoStandInSimulatorOrLocalModeTypesOrPage()
    {
        // The reader does see them where they belong (the test's own copy of LineBot.Local), so this check can fail.
        var local = ReadTypesAndResources(typeof(LineBot.LocalMode).Assembly.Location);
        Assert.Contains(local.Types, t => t.Namespace == "LineBot.LineStandIn");
        Assert.Contains(local.Types, t => t.Namespace == "LineBot.Simulator");
        Assert.Contains(local.Resources, r => r.Contains("simulator", StringComparison.OrdinalIgnoreCase));

        var assemblies = Directory.GetFiles(artifacts.PublishDirectory, "LineBot.*.dll");
        Assert.Contains(assemblies, a => Path.GetFileName(a) == "LineBot.Core.dll");

        foreach (var assembly in assemblies)
        {
            var (types, resources) = ReadTypesAndResources(assembly);
            Assert.NotEmpty(types);
            Assert.DoesNotContain(types, t => t.Namespace is "LineBot.LineStandIn" or "LineBot.Simulator" || t.Namespace.StartsWith("LineBot.LineStandIn.", StringComparison.Ordinal)
                || t.Namespace.StartsWith("LineBot.Simulator.", StringComparison.Ordinal) || t.Name == "LocalMode");
            Assert.DoesNotContain(resources, r => r.Contains("simulator", StringComparison.OrdinalIgnoreCase));
        }
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

    /// <summary>Type names and manifest resource names, read from the file's metadata without loading it.</summary>
    private static (List<(string Namespace, string Name)> Types, List<string> Resources) ReadTypesAndResources(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var types = reader.TypeDefinitions.Select(reader.GetTypeDefinition)
            .Select(t => (reader.GetString(t.Namespace), reader.GetString(t.Name))).ToList();
        var resources = reader.ManifestResources.Select(r => reader.GetString(reader.GetManifestResource(r).Name)).ToList();
        return (types, resources);
    }

    internal static JsonArray ReadMetadata(DeployArtifacts artifacts)
    {
        var path = Path.Combine(artifacts.PublishDirectory, "functions.metadata");
        Assert.True(File.Exists(path), "publish failed:\n" + artifacts.Publish.Output);
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }
}
