using System.Globalization;

namespace LineBot.Cli;

/// <summary>
/// The options a run-now command shares (<c>--dry-run</c>, <c>--at ISO-8601</c>); every other word is a setting for
/// <see cref="CliServices.Build"/>.
/// </summary>
internal sealed record RunOptions(DateTimeOffset? At, bool DryRun, string[] Settings)
{
    /// <summary>Null (the reason already written to stderr) when <c>--at</c> is not a date and time.</summary>
    public static RunOptions? Parse(string[] rest)
    {
        DateTimeOffset? at = null;
        var dryRun = false;
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--at" when i + 1 < rest.Length:
                    if (!DateTimeOffset.TryParse(rest[++i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        Console.Error.WriteLine($"linebot: --at '{rest[i]}' is not an ISO-8601 date and time.");
                        return null;
                    }

                    at = parsed;
                    break;
                default:
                    settings.Add(rest[i]);
                    break;
            }
        }

        return new RunOptions(at, dryRun, [.. settings]);
    }
}
