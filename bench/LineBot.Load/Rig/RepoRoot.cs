namespace LineBot.Load.Rig;

/// <summary>The repository root (the folder holding LineBot.sln), found upwards from the current directory or this assembly.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LineBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from inside the repository (LineBot.sln not found upwards).");
    }
}
