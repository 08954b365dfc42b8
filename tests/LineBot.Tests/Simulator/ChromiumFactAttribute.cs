namespace LineBot.Tests.Simulator;

/// <summary>
/// A browser test: needs Debian's Chromium at <see cref="Path"/>. Locally it is skipped (with the reason) when
/// Chromium is missing; in CI (CI=true) it runs anyway and fails, so a broken install cannot pass unseen.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(Path) && !ci)
        {
            Skip = $"{Path} is missing: run scripts/install-test-deps.sh (apt-get install chromium).";
        }
    }
}
