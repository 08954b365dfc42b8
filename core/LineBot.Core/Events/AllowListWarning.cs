using LineBot.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Events;

/// <summary>Says at start-up, once, that an empty <c>Bot:GroupIds</c> serves every group (fine locally, not live).</summary>
internal sealed class AllowListWarning(IOptions<BotOptions> bot, ILogger<AllowListWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (bot.Value.GroupIds.Count == 0)
        {
            Log.AnyGroupServed(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
