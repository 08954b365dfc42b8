namespace LineBot.Jobs;

/// <summary>One run of a job: when (and the Bangkok date), whether it is a dry run, and what it pushed or skipped.</summary>
internal sealed class JobRun(string job, DateTimeOffset at, DateOnly date, bool dryRun)
{
    public string Job { get; } = job;
    public DateTimeOffset At { get; } = at;

    /// <summary>The local (Bangkok) date of <see cref="At"/>.</summary>
    public DateOnly Date { get; } = date;
    public bool DryRun { get; } = dryRun;
    public List<JobPush> Pushes { get; } = [];
    public List<QuotaShortfall> Shortfalls { get; } = [];
    public string? SkippedBecause { get; private set; }

    /// <summary>Set when a push found LINE unavailable (or at its monthly limit): the rest of the run is not tried.</summary>
    public PushOutcome? StoppedBy { get; set; }

    public void Skip(string reason) => SkippedBecause = reason;

    public PushKey Key(JobPeriod period, Audience audience) => new(Job, period, audience);

    public JobRunResult Result() => new(Job, At, DryRun, Pushes, Shortfalls, SkippedBecause);
}
