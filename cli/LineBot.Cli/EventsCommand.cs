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

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
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
                Console.Error.WriteLine(UsageLine);
                return 2;
        }
    }

    private static async Task<int> ReplayKeptAsync(KeptKind kind, string[] args, TextWriter output)
    {
        DateOnly? since = null;
        var dryRun = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--since" when i + 1 < args.Length:
                    if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        Console.Error.WriteLine($"linebot: --since '{args[i]}' is not a date (yyyy-MM-dd).");
                        return 2;
                    }

                    since = day;
                    break;
                default:
                    settings.Add(args[i]);
                    break;
            }
        }

        await using var services = CliServices.Build([.. settings]);
        var counts = await services.GetRequiredService<KeptEventReplay>().ReplayAsync(kind, since, dryRun, CancellationToken.None);
        var what = kind == KeptKind.Malformed ? "malformed" : "unknown";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{counts.Read} kept {what} blob(s) read; {counts.Queued} event(s) {(dryRun ? "would be queued (dry run: nothing changed)" : "queued")}; {counts.StillKept} still {what}, left in place."));
        return 0;
    }
}
