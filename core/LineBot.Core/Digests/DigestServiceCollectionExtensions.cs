using LineBot.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot;

/// <summary>
/// Calendar and digests. The calculators, Flex builder and text renderers are pure static classes; only the
/// stores need services.
/// </summary>
internal static class DigestServiceCollectionExtensions
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>().BindConfiguration(Configuration.BotOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();
        services.AddSingleton<HolidayStore>();
        services.AddSingleton<LeaveStore>();
        return services;
    }
}
