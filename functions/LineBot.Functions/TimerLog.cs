using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

internal static partial class TimerLog
{
    [LoggerMessage(9001, LogLevel.Information, "Job {Job} due (past due: {PastDue}).")]
    public static partial void JobDue(ILogger logger, string job, bool pastDue);

    [LoggerMessage(9002, LogLevel.Warning, "Job {Job}: {Failed} push(es) failed; the timer retries the job.")]
    public static partial void PushesFailed(ILogger logger, string job, int failed);
}
