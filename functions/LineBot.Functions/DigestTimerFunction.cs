using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

/// <summary>Monday's digest of last week's reports (schedule in UTC, see docs/deploy.md). Only logs until the job in core is wired in.</summary>
internal sealed class DigestTimerFunction(ILogger<DigestTimerFunction> logger)
{
    [Function("WeeklyDigest")]
    public Task RunAsync([TimerTrigger("%Schedules:WeeklyDigest%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimerLog.JobDue(logger, "WeeklyDigest", timer.IsPastDue);
        return Task.CompletedTask;
    }
}
