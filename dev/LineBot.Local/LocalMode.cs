using LineBot.Configuration;
using LineBot.Line;
using LineBot.LineStandIn;
using LineBot.Simulator;
using LineBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LineBot;

/// <summary>
/// Local mode: no LINE access token configured. The app then serves the LINE stand-in and the simulator, and the
/// simulator's clock is THE clock. This file is everything local mode changes in the app; with a token set, none
/// of it is registered or mapped, and the Functions app does not even reference this assembly.
/// </summary>
internal static class LocalMode
{
    /// <summary>
    /// The channel secret <c>linebot</c> defaults to in local mode only (cli/LineBot.Cli/LocalDefaults.cs): with a real
    /// access token and no secret the app refuses to start, never falling back to this published one.
    /// </summary>
    public const string ChannelSecret = "local-channel-secret-not-for-production";

    public static bool IsOn(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["Line:ChannelAccessToken"]);

    /// <summary>
    /// Call after <c>AddLineBot</c>: replaces the product's clock and LINE endpoints (the LINE clients talk to this
    /// server's stand-in) and adds the stand-in and the simulator.
    /// </summary>
    public static IServiceCollection AddLocalMode(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(LineEndpoints)))
        {
            throw new InvalidOperationException("Call AddLocalMode after AddLineBot: it replaces the bot's clock and LINE endpoints.");
        }

        services.AddSingleton(_ => new SimulatorClock());
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SimulatorClock>());
        // Azurite checks link times against the real clock: links stay valid after a simulated clock jump.
        services.RemoveAll<LinkClock>();
        services.AddSingleton(new LinkClock(TimeProvider.System));
        services.RemoveAll<LineEndpoints>();
        services.AddSingleton(LocalLineRedirectHandler.Endpoints);

        services.AddSingleton<StandInState>();
        services.AddSingleton<LocalLineAddress>();
        services.AddTransient<LocalLineRedirectHandler>();
        // Defaults apply to every client (the typed LINE clients included) whatever the registration order.
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<LocalLineRedirectHandler>());
        services.AddSingleton<SimulatorSession>();
        services.AddSingleton<SimulatorWebhook>();
        services.AddSingleton<SimulatorJoin>();
        services.AddSingleton<ISimulatorJobs, SimulatorJobs>();
        services.AddHttpClient(SimulatorWebhook.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));

        // The simulator's seeded admin member may try admin commands; only here, never with real LINE.
        services.PostConfigure<BotOptions>(o =>
        {
            if (!o.AdminUserIds.Contains(SimulatorSession.AdminUserId))
            {
                o.AdminUserIds.Add(SimulatorSession.AdminUserId);
            }
        });
        return services;
    }

    public static WebApplication MapLocalMode(this WebApplication app)
    {
        app.MapLineStandIn();
        app.MapSimulator();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<LocalLineAddress>();
            Simulator.Log.LocalModeReady(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalMode)), address.LineBase, new Uri(address.Server, SimulatorEndpoints.Route.TrimStart('/')));
        });
        return app;
    }
}
