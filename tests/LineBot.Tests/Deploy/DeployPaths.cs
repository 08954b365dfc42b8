using System.Reflection;

namespace LineBot.Tests.Deploy;

/// <summary>The repository and the Bicep CLI, as recorded at build time (see LineBot.Tests.csproj).</summary>
internal static class DeployPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string InfraDirectory => Path.Combine(RepositoryRoot, "infra");

    public static string FunctionsProject => Path.Combine(RepositoryRoot, "functions", "LineBot.Functions", "LineBot.Functions.csproj");

    /// <summary>The bicep executable inside the Azure.Bicep.CommandLine.linux-x64 NuGet package, made executable if needed.</summary>
    public static string BicepExecutable()
    {
        var root = Metadata("BicepPackageRoot");
        var path = Path.Combine(root, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Bicep CLI not found at {path}: restore tests/LineBot.Tests (it references Azure.Bicep.CommandLine.linux-x64).");
        }

        // NuGet extracts without the execute bit on some set-ups.
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(DeployPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Assembly metadata '{key}' is missing from LineBot.Tests.");
}
