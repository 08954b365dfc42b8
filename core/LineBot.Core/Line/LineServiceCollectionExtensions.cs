using LineBot.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace LineBot.Line;

internal static class LineServiceCollectionExtensions
{
    /// <summary>
    /// The LINE clients (one typed <see cref="HttpClient"/> per host, each with the resilience pipeline, circuit
    /// breaker per host), the outbox, quota guard and reply sender. <see cref="LineEndpoints"/> is read on each
    /// client creation, so a host may replace it (local mode does).
    /// </summary>
    public static IServiceCollection AddLineClient(this IServiceCollection services)
    {
        services.AddOptions<LineHttpOptions>().BindConfiguration(LineHttpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LineHttpOptions>, LineHttpOptionsValidator>();
        services.AddSingleton<IValidateOptions<LineHttpOptions>, LineHttpBudgetValidator>();
        services.AddSingleton(sp => LineEndpoints.FromOptions(sp.GetRequiredService<IOptions<LineOptions>>().Value));

        services.AddHttpClient<LineMessagingClient>((sp, http) => Configure(http, sp, e => e.Api))
            .AddResilienceHandler(LineResilience.PipelineName, Pipeline)
            .SelectPipelineByAuthority();
        services.AddHttpClient<LineContentClient>((sp, http) => Configure(http, sp, e => e.Data))
            .AddResilienceHandler(LineResilience.PipelineName, Pipeline)
            .SelectPipelineByAuthority();

        services.AddSingleton<Persona>();
        services.AddSingleton<QuotaGuard>();
        services.AddSingleton<LineOutbox>();
        services.AddTransient<ReplySender>();
        return services;
    }

    /// <summary>
    /// For hosts that always talk to real LINE (the Functions app): no access token is a configuration error there,
    /// never requests to LINE without a token.
    /// </summary>
    public static IServiceCollection RequireLineAccessToken(this IServiceCollection services)
    {
        services.AddOptions<LineOptions>().Validate(
            o => !string.IsNullOrWhiteSpace(o.ChannelAccessToken),
            "Line:ChannelAccessToken is required (a long-lived channel access token from the LINE Developers console); local mode is for linebot serve only.");
        return services;
    }

    private static void Pipeline(Polly.ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context) =>
        LineResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<LineHttpOptions>>().Value);

    private static void Configure(HttpClient http, IServiceProvider services, Func<LineEndpoints, Uri> baseOf)
    {
        var endpoints = services.GetRequiredService<LineEndpoints>();
        http.BaseAddress = baseOf(endpoints);
        if (endpoints.AccessToken.Length > 0)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", endpoints.AccessToken);
        }

        // The resilience pipeline owns timeouts (per attempt and in total); content streams may take longer.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }
}
