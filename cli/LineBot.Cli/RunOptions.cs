using System.Globalization;

namespace LineBot.Cli;

/// <summary>
/// The options the run-now commands share: <c>--dry-run</c> and one time option, <c>--at ISO-8601</c> (jobs, storage)
/// or <c>--since yyyy-MM-dd</c> (events); every other word is a setting for <see cref="CliServices.Build"/>.
/// </summary>
internal sealed record RunOptions(DateTimeOffset? At, DateOnly? Since, bool DryRun, string[] Settings)
{
    public const string AtOption = "--at";
    public const string SinceOption = "--since";

    /// <summary>Null (the reason already written to stderr) when the time option's value does not read.</summary>
    public static RunOptions? Parse(string[] args, string timeOption)
    {
        DateTimeOffset? at = null;
        DateOnly? since = null;
        var dryRun = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--dry-run")
            {
                dryRun = true;
            }
            else if (args[i] == timeOption && i + 1 < args.Length)
            {
                var value = args[++i];
                if (timeOption == SinceOption && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    since = day;
                }
                else if (timeOption == AtOption && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    at = instant;
                }
                else
                {
                    Console.Error.WriteLine(timeOption == SinceOption
                        ? $"linebot: --since '{value}' is not a date (yyyy-MM-dd)."
                        : $"linebot: --at '{value}' is not an ISO-8601 date and time.");
                    return null;
                }
            }
            else
            {
                settings.Add(args[i]);
            }
        }

        return new RunOptions(at, since, dryRun, [.. settings]);
    }
}
