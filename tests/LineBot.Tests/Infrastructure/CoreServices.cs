using LineBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.Tests.Infrastructure;

/// <summary>The core's services without a web host, over Azurite with a unique prefix (for storage-level tests).</summary>
internal static class CoreServices
{
    public static ServiceProvider Build(IDictionary<string, string?>? settings = null, CapturedLogs? logs = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Storage:Prefix"] = Azurite.NewPrefix(),
            ["Line:ChannelSecret"] = BotHost.Secret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        services.AddLineBot(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static StorageClients Storage(this IServiceProvider services) => services.GetRequiredService<StorageClients>();

    public static StorageNames Names(this IServiceProvider services) => services.GetRequiredService<StorageNames>();
}
