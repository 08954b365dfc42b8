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

    /// <summary>A run whose pushes LINE refused is tried again this much later (as the Functions timers' retry policy does).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(5);

    public const int MaxRetries = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = options.Value.Entries().Select(e => (e.Job, Cron: ScheduleOptions.Parse(e.Expression))).ToList();
        var last = time.GetUtcNow();
        var next = schedules.ToDictionary(s => s.Job, s => Next(s.Cron, last));
        var retries = schedules.ToDictionary(s => s.Job, _ => 0);
        LogNext(next);

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now < last)
            {
                // The clock went back (a simulator jump): occurrences computed from a later time are too late now.
                foreach (var (job, cron) in schedules)
                {
                    next[job] = Next(cron, now);
                }

                LogNext(next);
            }

            last = now;
            foreach (var (job, cron) in schedules)
            {
                if (next[job] is { } due && due <= now)
                {
                    var failed = 0;
                    try
                    {
                        failed = (await runner.RunAsync(job, due, dryRun: false, stoppingToken)).FailedPushes;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Log.ScheduledJobFailed(logger, job, ex);
                    }

                    // Refused pushes wait in the outbox under the period's keys: a run minutes later sends only those.
                    if (failed > 0 && retries[job] < MaxRetries)
                    {
                        retries[job]++;
                        next[job] = now + RetryDelay;
                        Log.RetryScheduled(logger, job, failed, next[job]!.Value);
                        continue;
                    }

                    retries[job] = 0;
                    next[job] = Next(cron, now);
                    if (next[job] is { } n)
                    {
                        Log.NextRun(logger, job, n);
                    }
                }
            }

            var soonest = next.Values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            now = time.GetUtcNow();
            var wait = soonest <= now ? TimeSpan.Zero : soonest - now < MaxWait ? soonest - now : MaxWait;
            if (wait == TimeSpan.Zero)
            {
                continue;
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void LogNext(Dictionary<string, DateTimeOffset?> next)
    {
        foreach (var (job, at) in next)
        {
            if (at is { } n)
            {
                Log.NextRun(logger, job, n);
            }
        }
    }

    private static DateTimeOffset? Next(Cronos.CronExpression cron, DateTimeOffset after) => cron.GetNextOccurrence(after, TimeZoneInfo.Utc);
}
