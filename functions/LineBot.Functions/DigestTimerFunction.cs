using LineBot.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

/// <summary>Monday's digest of last week's reports (schedule in UTC, see docs/deploy.md).</summary>
internal sealed class DigestTimerFunction(JobRunner runner, TimeProvider time, ILogger<DigestTimerFunction> logger)
{
    [Function("WeeklyDigest")]
    [FixedDelayRetry(JobRetryPolicy.MaxRetries, JobRetryPolicy.DelayText)]
    public async Task RunAsync([TimerTrigger("%Schedules:WeeklyDigest%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        TimerLog.JobDue(logger, "WeeklyDigest", timer.IsPastDue);
        await TimerJob.RunAsync(runner, JobNames.Digest, time.GetUtcNow(), logger, cancellationToken);
    }
}
