using LineBot.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot;

/// <summary>Exports: the workbooks are pure static classes; the store and the photo links need services.</summary>
internal static class ExportServiceCollectionExtensions
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton<ExportStore>();
        services.AddSingleton<ExportPhotos>();
        return services;
    }
}
