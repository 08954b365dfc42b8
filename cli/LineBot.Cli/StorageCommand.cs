using System.Globalization;
using LineBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Cli;

/// <summary>
/// <c>linebot storage prune [--dry-run] [--at ISO-8601]</c>: deletes kept-aside events, claim-check blobs and exports
/// past their retention (Retention:* settings), where no lifecycle policy does it (Azurite, a manual clean-up).
/// </summary>
internal static class StorageCommand
{
    public const string UsageLine = "usage: linebot storage prune [--dry-run] [--at 2026-12-31T00:00:00Z]";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        if (args is not ["prune", .. var rest])
        {
            Console.Error.WriteLine(UsageLine);
            return 2;
        }

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
                        return 2;
                    }

                    at = parsed;
                    break;
                default:
                    settings.Add(rest[i]);
                    break;
            }
        }

        await using var services = CliServices.Build([.. settings]);
        var pruner = services.GetRequiredService<RetentionPruner>();
        var counts = await pruner.PruneAsync(at ?? services.GetRequiredService<TimeProvider>().GetUtcNow(), dryRun, CancellationToken.None);
        var verb = dryRun ? "would be deleted" : "deleted";
        foreach (var count in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count.Container}/{count.Prefix}*: {count.Deleted} blob(s) older than {count.Days} days {verb}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{counts.Sum(c => c.Deleted)} blob(s) {verb}{(dryRun ? " (dry run: nothing deleted)" : "")}."));
        return 0;
    }
}
