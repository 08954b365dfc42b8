using LineBot.Calendar;
using LineBot.Exports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot;

/// <summary>
/// Calendar, digests and exports. The calculators, Flex builder, text renderer and exporters are pure static
/// classes; only the stores need services.
/// </summary>
internal static class DigestServiceCollectionExtensions
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>().BindConfiguration(Configuration.BotOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();
        services.AddSingleton<HolidayStore>();
        services.AddSingleton<LeaveStore>();
        services.AddSingleton<ExportStore>();
        services.AddSingleton<ExportPhotos>();
        return services;
    }
}
