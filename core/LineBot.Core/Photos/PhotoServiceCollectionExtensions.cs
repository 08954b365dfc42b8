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

        // Named clients (not typed ones) because the handlers are singletons. Only headers are awaited, so the
        // client time-out covers the wait for LINE; PhotoIngest bounds the body with Photos:DownloadTimeout.
        // Retries here are short and in-process; longer waits (202, outages) go through the queue.
        services.AddHttpClient(LineDataApiContentSource.ClientName, (sp, http) =>
            {
                var line = sp.GetRequiredService<IOptions<LineOptions>>().Value;
                var baseUrl = line.DataApiBaseUrl.EndsWith('/') ? line.DataApiBaseUrl : line.DataApiBaseUrl + "/";
                http.BaseAddress = new Uri(baseUrl);
                http.Timeout = TimeSpan.FromSeconds(30);
                if (!string.IsNullOrEmpty(line.ChannelAccessToken))
                {
                    http.DefaultRequestHeaders.Authorization = new("Bearer", line.ChannelAccessToken);
                }
            })
            .AddResilienceHandler("line-content", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
            }));
        services.AddHttpClient(ExternalContentSource.ClientName, (sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<PhotoOptions>>().Value.DownloadTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddSingleton<IMessageContentSource, LineDataApiContentSource>();
        services.AddSingleton<ExternalContentSource>();
        services.AddSingleton<LocationStore>();
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<PhotoIngest>();
        return services;
    }
}
