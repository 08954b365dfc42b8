using LineBot.Jobs;
using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

/// <summary>A job a timer fired, with the timer's retry in mind.</summary>
internal static class TimerJob
{
    /// <summary>
    /// Runs the job; if LINE refused some pushes, throws so that the trigger's retry policy runs it again a few minutes
    /// later. Within the same period the logical keys are the same, so only what was not sent goes out (no duplicates).
    /// </summary>
    public static async Task RunAsync(JobRunner runner, string job, DateTimeOffset at, ILogger logger, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(job, at, dryRun: false, cancellationToken);
        if (result.FailedPushes > 0)
        {
            TimerLog.PushesFailed(logger, job, result.FailedPushes);
            throw new JobPushesFailedException(job, result.FailedPushes);
        }
    }
}

/// <summary>Some pushes of a scheduled job were not taken by LINE; the timer's retry sends them.</summary>
internal sealed class JobPushesFailedException(string job, int failed)
    : Exception($"Job {job}: {failed} push(es) not taken by LINE; they stay in the outbox for the retry.");
