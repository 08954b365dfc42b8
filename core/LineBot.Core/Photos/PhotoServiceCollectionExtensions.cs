using LineBot.Configuration;
using LineBot.Photos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace LineBot;

/// <summary>Photo evidence and site locations: stores, content download clients and the message handlers.</summary>
internal static class PhotoServiceCollectionExtensions
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PhotoOptions>, PhotoOptionsValidator>();

        // LINE content comes through the shared LINE client; an external provider through its own client.
        services.AddHttpClient(ExternalContentSource.ClientName, (sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<PhotoOptions>>().Value.DownloadTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = PublicAddressConnector.Create(() => sp.GetRequiredService<IOptionsMonitor<PhotoOptions>>().CurrentValue.AllowLoopbackHttp),
            });

        services.AddSingleton<IMessageContentSource, LineContentSource>();
        services.AddSingleton<ExternalContentSource>();
        services.AddSingleton<EvidenceMarks>();
        services.AddSingleton<LocationStore>();
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<PhotoIngest>();
        return services;
    }
}
