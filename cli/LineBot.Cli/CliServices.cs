using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.Cli;

/// <summary>The core's services for one-shot admin commands (no web host).</summary>
internal static class CliServices
{
    public static ServiceProvider Build(string[] args, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddLineBotSources(args).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddLineBot(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
