namespace LineBot.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder with LineBot.sln) from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeBin(string tool) => Path.Combine(Root, "node_modules", ".bin", tool);

    /// <summary>LINE's OpenAPI files, kept in the repository (Apache-2.0; where they come from: SOURCE.txt there).</summary>
    public static string LineOpenApiDir => Path.Combine(Root, "third_party", "line-openapi");

    /// <summary>Where the copy was taken from, on machines that have it beside the repository; read only by the drift check.</summary>
    public static string SharedLineOpenApiDir => Path.GetFullPath(Path.Combine(Root, "..", "shared", "line-openapi"));

    /// <summary>One of LINE's OpenAPI files from the repository copy; a missing copy is a failure, never a skip.</summary>
    public static string LineOpenApiFile(string name)
    {
        var path = Path.Combine(LineOpenApiDir, name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: the tests check what the bot sends against this copy of LINE's OpenAPI files (third_party/line-openapi).", path);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LineBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LineBot.sln not found above " + AppContext.BaseDirectory);
    }
}
