using LineBot.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot;

/// <summary>The jobs, and their pushes through the LINE outbox.</summary>
internal static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddOptions<ReminderOptions>().BindConfiguration(Configuration.BotOptions.Section);
        services.AddSingleton<QuotaShortfallStore>();
        services.AddSingleton<IBotPusher, LinePusher>();
        services.AddSingleton<PushFanOut>();
        services.AddSingleton<IJob, ReminderJob>();
        services.AddSingleton<IJob, WeeklyDigestJob>();
        services.AddSingleton<IJob, MonthlyJob>();
        services.AddSingleton<JobRunner>();
        return services;
    }

    /// <summary>The in-process scheduler for hosts without timer triggers (<c>linebot serve</c>).</summary>
    public static IServiceCollection AddJobScheduler(this IServiceCollection services) =>
        services.AddHostedService<JobScheduler>();
}
