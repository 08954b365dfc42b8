using LineBot.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

/// <summary>Friday's reminder to the provincial group (schedule in UTC, see docs/deploy.md).</summary>
internal sealed class ReminderTimerFunction(JobRunner runner, TimeProvider time, ILogger<ReminderTimerFunction> logger)
{
    [Function("WeeklyReminder")]
    [FixedDelayRetry(JobRetryPolicy.MaxRetries, JobRetryPolicy.DelayText)]
    public async Task RunAsync([TimerTrigger("%Schedules:WeeklyReminder%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        TimerLog.JobDue(logger, "WeeklyReminder", timer.IsPastDue);
        await TimerJob.RunAsync(runner, JobNames.Reminder, time.GetUtcNow(), logger, cancellationToken);
    }
}
