using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LineBot.Functions;

/// <summary>Friday's reminder to the provincial group (schedule in UTC, see docs/deploy.md). Only logs until the job in core is wired in.</summary>
internal sealed class ReminderTimerFunction(ILogger<ReminderTimerFunction> logger)
{
    [Function("WeeklyReminder")]
    public Task RunAsync([TimerTrigger("%Schedules:WeeklyReminder%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimerLog.JobDue(logger, "WeeklyReminder", timer.IsPastDue);
        return Task.CompletedTask;
    }
}
