using LineBot.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

/// <summary>Weekday mornings; the job acts only on the first working day of the month, once (schedule in UTC).</summary>
internal sealed class MonthlyTimerFunction(JobRunner runner, TimeProvider time, ILogger<MonthlyTimerFunction> logger)
{
    [Function("MonthlyReport")]
    public async Task RunAsync([TimerTrigger("%Schedules:Monthly%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        TimerLog.JobDue(logger, "MonthlyReport", timer.IsPastDue);
        await runner.RunAsync(JobNames.Monthly, time.GetUtcNow(), dryRun: false, cancellationToken);
    }
}
