using Microsoft.Extensions.Logging;

namespace LineBot.Jobs;

internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Information, "Job {Job} at {At:o} (dry run {DryRun}): {Pushes} pushes, {Shortfalls} quota shortfalls, {Pending} pending (LINE unavailable).")]
    public static partial void Ran(ILogger logger, string job, DateTimeOffset at, bool dryRun, int pushes, int shortfalls, int pending);

    [LoggerMessage(7008, LogLevel.Warning, "Job {Job}: LINE unavailable at push {LogicalKey}; the rest of the run is left pending for its retry.")]
    public static partial void LineUnavailable(ILogger logger, string job, string logicalKey);

    [LoggerMessage(7009, LogLevel.Warning, "Job {Job}: LINE's monthly limit refused push {LogicalKey}; recorded as a shortfall.")]
    public static partial void MonthlyLimit(ILogger logger, string job, string logicalKey);

    [LoggerMessage(7002, LogLevel.Information, "Job {Job} at {At:o} did nothing: {Reason}.")]
    public static partial void Skipped(ILogger logger, string job, DateTimeOffset at, string reason);

    [LoggerMessage(7003, LogLevel.Warning, "Push quota cannot cover {Job} to group {GroupId}: sent to admins and officers only.")]
    public static partial void QuotaShortfall(ILogger logger, string job, string groupId);

    [LoggerMessage(7004, LogLevel.Warning, "No groups to push {Job} to (Bot:GroupIds is empty and the bot is in no group).")]
    public static partial void NoGroups(ILogger logger, string job);

    [LoggerMessage(7005, LogLevel.Information, "Scheduler: {Job} next at {Next:o}.")]
    public static partial void NextRun(ILogger logger, string job, DateTimeOffset next);

    [LoggerMessage(7007, LogLevel.Warning, "Job {Job}: {Failed} push(es) refused; trying again at {Next:o}.")]
    public static partial void RetryScheduled(ILogger logger, string job, int failed, DateTimeOffset next);

    [LoggerMessage(7006, LogLevel.Error, "Scheduled job {Job} failed.")]
    public static partial void ScheduledJobFailed(ILogger logger, string job, Exception exception);
}
