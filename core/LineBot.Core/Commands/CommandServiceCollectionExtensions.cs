using LineBot.Commands;
using LineBot.Digests;
using LineBot.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot;

/// <summary>Commands, the shared digest reads, and the stores the jobs share with <c>/สถานะ</c>.</summary>
internal static class CommandServiceCollectionExtensions
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddSingleton<DigestService>();
        services.AddSingleton<QuotaShortfallStore>();
        services.AddSingleton<MonthlyPlanStore>();
        services.AddSingleton<ReportCommands>();
        services.AddSingleton<ExportCommands>();
        services.AddSingleton<AdminCommands>();
        services.AddSingleton<CalendarCommands>();
        services.AddSingleton<CommandRouter>();
        return services;
    }
}
