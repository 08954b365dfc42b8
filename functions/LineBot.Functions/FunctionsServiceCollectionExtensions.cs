using LineBot.Line;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Functions;

/// <summary>Everything the Functions app registers besides the Functions runtime itself (tests build a host with it).</summary>
internal static class FunctionsServiceCollectionExtensions
{
    /// <summary>The bot's core; the app always talks to real LINE, so a channel access token is required.</summary>
    public static IServiceCollection AddLineBotFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddLineBot(configuration).RequireLineAccessToken();
}
