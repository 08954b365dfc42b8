using LineBot.Commands;
using LineBot.Digests;
using LineBot.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot;

/// <summary>Commands, the shared digest reads, and the monthly plans the text handler stores and the monthly job reads.</summary>
internal static class CommandServiceCollectionExtensions
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddSingleton<DigestService>();
        services.AddSingleton<MonthlyPlanStore>();
        services.AddSingleton<ReportCommands>();
        services.AddSingleton<ExportCommands>();
        services.AddSingleton<AdminCommands>();
        services.AddSingleton<CalendarCommands>();
        services.AddSingleton<CommandRouter>();
        return services;
    }
}
