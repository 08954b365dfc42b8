using LineBot.Line;

namespace LineBot.Jobs;

/// <summary>One push a job made (or, in a dry run, would make).</summary>
internal sealed record JobPush(PushKey Key, Audience Audience, IReadOnlyList<BotMessage> Messages, PushOutcome? Outcome)
{
    /// <summary>The outbox's logical key.</summary>
    public string LogicalKey => Key.Value;

    /// <summary>The chat the push goes to.</summary>
    public string To => Audience.To;
}

/// <summary>What a job run did: its pushes, any group push skipped for quota, or why it did nothing.</summary>
internal sealed record JobRunResult(string Job, DateTimeOffset At, bool DryRun, IReadOnlyList<JobPush> Pushes, IReadOnlyList<QuotaShortfall> Shortfalls, string? SkippedBecause = null)
{
    public bool Skipped => SkippedBecause is not null;

    /// <summary>Pushes LINE did not take or that were not tried (LINE unavailable): they wait for the job's next run.</summary>
    public int FailedPushes => Pushes.Count(p => p.Outcome is PushOutcome.Failed or PushOutcome.Pending);

    /// <summary>Pushes not tried because LINE was unavailable (the run stopped): left for the retry.</summary>
    public int PendingPushes => Pushes.Count(p => p.Outcome == PushOutcome.Pending);

    /// <summary>Pushes refused for LINE's monthly limit.</summary>
    public int QuotaRefusedPushes => Pushes.Count(p => p.Outcome == PushOutcome.QuotaExceeded);
}
