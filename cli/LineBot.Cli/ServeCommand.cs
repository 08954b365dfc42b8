using LineBot.Events;
using LineBot.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LineBot.Cli;

/// <summary><c>linebot serve</c>: the webhook route, the queue worker and the scheduler in one process.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddLineBotSources(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Per-request framework lines (request start/finish, endpoint, each HttpClient call) at Warning: a busy
        // webhook is not dominated by logging. The bot's own per-event lines are Debug; warnings and errors stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddLineBot(builder.Configuration);
        builder.Services.AddLineBotQueuePump();
        builder.Services.AddJobScheduler();

        // Local mode (no access token): the LINE stand-in and the simulator, whose clock is THE clock.
        var local = LocalMode.IsOn(builder.Configuration);
        if (local)
        {
            builder.Services.AddLocalMode();
        }

        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapLineWebhook();
        if (local)
        {
            app.MapLocalMode();
        }

        return app;
    }
}
