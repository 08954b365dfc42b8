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

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is not ["prune", .. var rest])
        {
            return Usage.Wrong(UsageLine);
        }

        if (RunOptions.Parse(rest, RunOptions.AtOption) is not { } options)
        {
            return 2;
        }

        await using var services = CliServices.Build(options.Settings);
        var pruner = services.GetRequiredService<RetentionPruner>();
        var counts = await pruner.PruneAsync(options.At ?? services.GetRequiredService<TimeProvider>().GetUtcNow(), options.DryRun, CancellationToken.None);
        var verb = options.DryRun ? "would be deleted" : "deleted";
        foreach (var count in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count.Container}/{count.Prefix}*: {count.Deleted} blob(s) older than {count.Days} days {verb}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{counts.Sum(c => c.Deleted)} blob(s) {verb}{(options.DryRun ? " (dry run: nothing deleted)" : "")}."));
        return 0;
    }
}
