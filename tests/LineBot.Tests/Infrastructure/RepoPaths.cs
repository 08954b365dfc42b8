namespace LineBot.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder with LineBot.sln) from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeBin(string tool) => Path.Combine(Root, "node_modules", ".bin", tool);

    /// <summary>LINE's OpenAPI files: LINE_OPENAPI_DIR, or ../shared/line-openapi beside the repository; null if neither.</summary>
    public static string? LineOpenApiDir
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("LINE_OPENAPI_DIR");
            if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            {
                return fromEnv;
            }

            var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "line-openapi"));
            return Directory.Exists(beside) ? beside : null;
        }
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
