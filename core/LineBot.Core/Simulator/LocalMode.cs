using LineBot.Configuration;
using LineBot.LineStandIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LineBot.Simulator;

/// <summary>
/// Local mode: no LINE access token configured. The app then serves the LINE stand-in and the simulator,
/// and the simulator's clock is THE clock. With a token set, none of this is registered or mapped.
/// </summary>
internal static class LocalMode
{
    public static bool IsOn(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["Line:ChannelAccessToken"]);

    /// <summary>
    /// Call before <c>AddLineBot</c> (which only adds the system clock and LINE endpoints when none are registered):
    /// the LINE clients talk to this server's stand-in.
    /// </summary>
    public static IServiceCollection AddLocalMode(this IServiceCollection services)
    {
        services.AddSingleton(_ => new SimulatorClock());
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SimulatorClock>());
        services.AddSingleton<StandInState>();
        services.AddSingleton<LocalLineAddress>();
        services.AddSingleton(LocalLineRedirectHandler.Endpoints);
        services.AddTransient<LocalLineRedirectHandler>();
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
            Log.LocalModeReady(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalMode)), address.LineBase, new Uri(address.Server, SimulatorEndpoints.Route.TrimStart('/')));
        });
        return app;
    }
}
