using System.Text.Json.Nodes;

namespace LineBot.Tests.Deploy;

[CollectionDefinition(Name)]
public sealed class DeployCollection : ICollectionFixture<DeployArtifacts>
{
    public const string Name = "Deploy";
}

/// <summary>
/// Built once per test run and shared by the Deploy tests: the Functions app published in Release (the slow
/// part, ~1 minute on 2 cores) and infra/main.bicep compiled and linted, side by side. Everything lives in a
/// temporary folder of its own, so parallel runs do not meet.
/// </summary>
public sealed class DeployArtifacts : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan BicepTimeout = TimeSpan.FromMinutes(1);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "linebot-deploy-" + Guid.NewGuid().ToString("N"));

    public string PublishDirectory => Path.Combine(_root, "publish");

    internal ProcessResult Publish { get; private set; } = null!;
    internal ProcessResult BicepBuild { get; private set; } = null!;
    internal ProcessResult BicepLint { get; private set; } = null!;

    /// <summary>The compiled ARM template of infra/main.bicep (modules nested), or null when the build failed.</summary>
    internal JsonObject? Template { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var publish = PublishAsync();
        var bicep = BicepAsync();
        await Task.WhenAll(publish, bicep);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a run over.
        }

        return Task.CompletedTask;
    }

    private async Task PublishAsync()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        Publish = await ProcessRunner.RunAsync(
            dotnet,
            [
                "publish", DeployPaths.FunctionsProject, "-c", "Release", "-o", PublishDirectory,
                // Restored already by the test build; no build servers left running after the test.
                "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v", "q", "-nologo",
            ],
            DeployPaths.RepositoryRoot,
            PublishTimeout);
    }

    private async Task BicepAsync()
    {
        var bicep = DeployPaths.BicepExecutable();
        var main = Path.Combine(DeployPaths.InfraDirectory, "main.bicep");
        var output = Path.Combine(_root, "main.json");
        var build = ProcessRunner.RunAsync(bicep, ["build", main, "--outfile", output], DeployPaths.RepositoryRoot, BicepTimeout);
        var lint = ProcessRunner.RunAsync(bicep, ["lint", main], DeployPaths.RepositoryRoot, BicepTimeout);
        BicepBuild = await build;
        BicepLint = await lint;
        if (BicepBuild.ExitCode == 0 && File.Exists(output))
        {
            Template = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
        }
    }
}
