using LineBot.Calendar;
using Microsoft.Extensions.Logging;

namespace LineBot.Jobs;

/// <summary>
/// Runs a scheduled job by name (<see cref="JobNames"/>): for the Functions timers, the <c>linebot serve</c>
/// scheduler and <c>linebot jobs run</c>. The jobs are <see cref="ReminderJob"/>, <see cref="WeeklyDigestJob"/> and
/// <see cref="MonthlyJob"/>; their pushes carry <see cref="PushKey"/>s, so a second run sends nothing twice.
/// </summary>
internal sealed class JobRunner(IEnumerable<IJob> jobs, BotClock clock, ILogger<JobRunner> logger)
{
    private readonly Dictionary<string, IJob> _byName = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    public async Task<JobRunResult> RunAsync(string name, DateTimeOffset at, bool dryRun, CancellationToken ct)
    {
        var canonical = JobNames.Normalize(name);
        if (canonical is null || !_byName.TryGetValue(canonical, out var job))
        {
            throw new ArgumentException($"Unknown job '{name}' (known: {string.Join(", ", JobNames.All)}).", nameof(name));
        }

        var run = new JobRun(job.Name, at, clock.DateOf(at), dryRun);
        await job.RunAsync(run, ct);
        var result = run.Result();
        if (result.Skipped)
        {
            Log.Skipped(logger, job.Name, at, result.SkippedBecause!);
        }
        else
        {
            Log.Ran(logger, job.Name, at, dryRun, result.Pushes.Count, result.Shortfalls.Count, result.PendingPushes);
        }

        return result;
    }
}
