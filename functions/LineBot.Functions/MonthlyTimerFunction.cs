using LineBot.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

/// <summary>Weekday mornings; the job acts only on the first working day of the month, once (schedule in UTC).</summary>
internal sealed class MonthlyTimerFunction(JobRunner runner, TimeProvider time, ILogger<MonthlyTimerFunction> logger)
{
    [Function("MonthlyReport")]
    [FixedDelayRetry(JobRetryPolicy.MaxRetries, JobRetryPolicy.DelayText)]
    public async Task RunAsync([TimerTrigger("%Schedules:Monthly%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        TimerLog.JobDue(logger, "MonthlyReport", timer.IsPastDue);
        await TimerJob.RunAsync(runner, JobNames.Monthly, time.GetUtcNow(), logger, cancellationToken);
    }
}
