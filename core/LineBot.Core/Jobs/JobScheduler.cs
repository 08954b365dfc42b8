using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Jobs;

/// <summary>
/// The jobs on a timer for <c>linebot serve</c> (the Functions app uses timer triggers instead). Waits on the
/// <see cref="TimeProvider"/> but never longer than <see cref="MaxWait"/>, then compares the clock with each job's
/// next occurrence: a clock that jumps (the simulator's) makes a due job fire within one wake-up, not after a sleep
/// computed before the jump. After a jump over an occurrence the job runs once, at that occurrence's time (the
/// outbox keys make a run for an already-served week send nothing); a clock moved back recomputes the occurrences.
/// </summary>
internal sealed class JobScheduler(JobRunner runner, TimeProvider time, IOptions<ScheduleOptions> options, ILogger<JobScheduler> logger) : BackgroundService
{
    /// <summary>The longest sleep: a jumped clock is noticed within this much timer time.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = options.Value.Entries().Select(e => new Schedule(e.Job, ScheduleOptions.Parse(e.Expression))).ToList();
        var last = time.GetUtcNow();
        foreach (var schedule in schedules)
        {
            schedule.Next = Next(schedule.Cron, last);
        }

        LogNext(schedules);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now < last)
            {
                // The clock went back (a simulator jump): occurrences computed from a later time are too late now.
                foreach (var schedule in schedules)
                {
                    schedule.Next = Next(schedule.Cron, now);
                }

                LogNext(schedules);
            }

            last = now;
            foreach (var schedule in schedules.Where(s => s.Next is { } due && due <= now))
            {
                await RunDueAsync(schedule, now, stoppingToken);
            }

            if (!await WaitAsync(schedules, stoppingToken))
            {
                return;
            }
        }
    }

    /// <summary>Runs a due job; a run with refused pushes is tried again after <see cref="JobRetryPolicy.Delay"/>, up to <see cref="JobRetryPolicy.MaxRetries"/> times.</summary>
    private async Task RunDueAsync(Schedule schedule, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var failed = 0;
        try
        {
            failed = (await runner.RunAsync(schedule.Job, schedule.Next!.Value, dryRun: false, stoppingToken)).FailedPushes;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ScheduledJobFailed(logger, schedule.Job, ex);
        }

        // Refused pushes wait in the outbox under the period's keys: a run minutes later sends only those.
        if (failed > 0 && schedule.Retries < JobRetryPolicy.MaxRetries)
        {
            schedule.Retries++;
            schedule.Next = now + JobRetryPolicy.Delay;
            Log.RetryScheduled(logger, schedule.Job, failed, schedule.Next.Value);
            return;
        }

        schedule.Retries = 0;
        schedule.Next = Next(schedule.Cron, now);
        if (schedule.Next is { } n)
        {
            Log.NextRun(logger, schedule.Job, n);
        }
    }

    /// <summary>Sleeps until the soonest due job, at most <see cref="MaxWait"/>; false when stopping.</summary>
    private async Task<bool> WaitAsync(IReadOnlyList<Schedule> schedules, CancellationToken stoppingToken)
    {
        var soonest = schedules.Where(s => s.Next is not null).Select(s => s.Next!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var now = time.GetUtcNow();
        var wait = soonest <= now ? TimeSpan.Zero : soonest - now < MaxWait ? soonest - now : MaxWait;
        if (wait == TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(wait, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void LogNext(IReadOnlyList<Schedule> schedules)
    {
        foreach (var schedule in schedules)
        {
            if (schedule.Next is { } n)
            {
                Log.NextRun(logger, schedule.Job, n);
            }
        }
    }

    private static DateTimeOffset? Next(Cronos.CronExpression cron, DateTimeOffset after) => cron.GetNextOccurrence(after, TimeZoneInfo.Utc);

    /// <summary>A job's schedule and where it stands: its next run and the retries of the current one.</summary>
    private sealed class Schedule(string job, Cronos.CronExpression cron)
    {
        public string Job { get; } = job;
        public Cronos.CronExpression Cron { get; } = cron;
        public DateTimeOffset? Next { get; set; }
        public int Retries { get; set; }
    }
}
