using LineBot.Events;
using LineBot.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LineBot.Cli;

/// <summary>
/// <c>linebot serve</c>: the webhook route, the queue worker and the scheduler in one process; or, to measure and
/// scale them apart, the webhook alone (<c>--no-worker</c>, <c>Worker:Enabled=false</c>) or the worker and the
/// scheduler alone (<c>--worker-only</c>, <c>Webhook:Enabled=false</c>), the two sharing the same storage.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The two flags, as the settings they stand for (the configuration reader takes no bare switches).</summary>
    internal static string[] ExpandFlags(string[] args) =>
    [
        .. args.Select(a => a switch
        {
            "--no-worker" => "--Worker:Enabled=false",
            "--worker-only" => "--Webhook:Enabled=false",
            _ => a,
        }),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        args = ExpandFlags(args);
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
        var webhook = builder.Configuration.GetValue("Webhook:Enabled", true);
        var worker = builder.Configuration.GetValue("Worker:Enabled", true);
        if (!webhook && !worker)
        {
            throw new InvalidOperationException("Webhook:Enabled and Worker:Enabled are both false (--no-worker with --worker-only): nothing would run.");
        }

        // The scheduler goes with the worker: a webhook-only process answers LINE and queues, nothing else.
        if (worker)
        {
            builder.Services.AddLineBotQueuePump();
            builder.Services.AddJobScheduler();
        }

        // Local mode (no access token): the LINE stand-in and the simulator, whose clock is THE clock.
        var local = LocalMode.IsOn(builder.Configuration);
        if (local)
        {
            builder.Services.AddLocalMode();

            // The simulator page polls every second: per-request lines would bury what the bot does.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        }

        configure?.Invoke(builder);

        var app = builder.Build();
        if (webhook)
        {
            app.MapLineWebhook();
        }

        if (local)
        {
            app.MapLocalMode();
        }

        return app;
    }
}
