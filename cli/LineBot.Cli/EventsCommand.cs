using System.Globalization;
using LineBot.Events;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Cli;

/// <summary>
/// <c>linebot events replay-poison | replay-malformed | replay-unknown</c>: nothing that failed or was kept aside is
/// lost; these put it back to be tried again.
/// </summary>
internal static class EventsCommand
{
    public const string UsageLine = "usage: linebot events replay-poison | replay-malformed [--since DATE] [--dry-run] | replay-unknown [--since DATE] [--dry-run]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["replay-poison", .. var rest]:
            {
                await using var services = CliServices.Build(rest);
                var count = await services.GetRequiredService<PoisonStore>().ReplayAsync(CancellationToken.None);
                output.WriteLine($"{count} message(s) moved from the poison queue back to the events queue.");
                return 0;
            }

            case ["replay-malformed", .. var rest]:
                return await ReplayKeptAsync(KeptKind.Malformed, rest, output);
            case ["replay-unknown", .. var rest]:
                return await ReplayKeptAsync(KeptKind.Unknown, rest, output);
            default:
                return Usage.Wrong(UsageLine);
        }
    }

    private static async Task<int> ReplayKeptAsync(KeptKind kind, string[] args, TextWriter output)
    {
        if (RunOptions.Parse(args, RunOptions.SinceOption) is not { } options)
        {
            return 2;
        }

        await using var services = CliServices.Build(options.Settings);
        var counts = await services.GetRequiredService<KeptEventReplay>().ReplayAsync(kind, options.Since, options.DryRun, CancellationToken.None);
        var what = kind == KeptKind.Malformed ? "malformed" : "unknown";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{counts.Read} kept {what} blob(s) read; {counts.Queued} event(s) {(options.DryRun ? "would be queued (dry run: nothing changed)" : "queued")}; {counts.StillKept} still {what}, left in place."));
        return 0;
    }
}
