using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Jobs;

/// <summary>
/// The jobs on a timer for <c>linebot serve</c> (the Functions app uses timer triggers instead). Waits on the
/// <see cref="TimeProvider"/>, so a simulator or test moving the clock makes jobs fire; after a jump over several
/// occurrences each due job runs once, with the time it woke at.
/// </summary>
internal sealed class JobScheduler(JobRunner runner, TimeProvider time, IOptions<ScheduleOptions> options, ILogger<JobScheduler> logger) : BackgroundService
{
    // Task.Delay takes at most ~49 days; waking daily just recomputes.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = options.Value.Entries().Select(e => (e.Job, Cron: ScheduleOptions.Parse(e.Expression))).ToList();
        var from = time.GetUtcNow();
        var next = schedules.ToDictionary(s => s.Job, s => Next(s.Cron, from));
        foreach (var (job, at) in next)
        {
            if (at is { } n)
            {
                Log.NextRun(logger, job, n);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var soonest = next.Values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            var now = time.GetUtcNow();
            if (soonest > now)
            {
                var wait = soonest - now < MaxWait ? soonest - now : MaxWait;
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            foreach (var (job, cron) in schedules)
            {
                if (next[job] is { } due && due <= now)
                {
                    try
                    {
                        await runner.RunAsync(job, now, dryRun: false, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Log.ScheduledJobFailed(logger, job, ex);
                    }

                    next[job] = Next(cron, now);
                    if (next[job] is { } n)
                    {
                        Log.NextRun(logger, job, n);
                    }
                }
            }
        }
    }

    private static DateTimeOffset? Next(Cronos.CronExpression cron, DateTimeOffset after) => cron.GetNextOccurrence(after, TimeZoneInfo.Utc);
}
