using LineBot.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot;

/// <summary>Who is expected to report: go-live, member joins and leaves, enrolment by admins.</summary>
internal static class ReporterServiceCollectionExtensions
{
    public static IServiceCollection AddExpectedReporters(this IServiceCollection services)
    {
        services.AddSingleton<GoLive>();
        services.AddSingleton<MemberChanges>();
        services.AddSingleton<Commands.EnrolCommands>();
        return services;
    }
}
