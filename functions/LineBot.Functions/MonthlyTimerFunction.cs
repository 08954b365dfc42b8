using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

/// <summary>Weekday mornings; the job acts only on the first working day of the month, once (schedule in UTC). Only logs until the job in core is wired in.</summary>
internal sealed class MonthlyTimerFunction(ILogger<MonthlyTimerFunction> logger)
{
    [Function("MonthlyReport")]
    public Task RunAsync([TimerTrigger("%Schedules:Monthly%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimerLog.JobDue(logger, "MonthlyReport", timer.IsPastDue);
        return Task.CompletedTask;
    }
}
