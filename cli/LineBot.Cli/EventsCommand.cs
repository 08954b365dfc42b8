using LineBot.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.Cli;

/// <summary><c>linebot events replay-poison</c>: nothing that failed is lost; this puts it back to be tried again.</summary>
internal static class EventsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["replay-poison", ..])
        {
            Console.Error.WriteLine("usage: linebot events replay-poison");
            return 2;
        }

        await using var services = CliServices.Build(args[1..]);
        var count = await services.GetRequiredService<PoisonStore>().ReplayAsync(CancellationToken.None);
        Console.WriteLine($"{count} message(s) moved from the poison queue back to the events queue.");
        return 0;
    }
}
