namespace LineBot.Jobs;

/// <summary>One scheduled job; <see cref="JobRunner"/> finds it by <see cref="Name"/> (one of <see cref="JobNames.All"/>).</summary>
internal interface IJob
{
    string Name { get; }

    /// <summary>Does the job for <paramref name="run"/>: its pushes go through <see cref="PushFanOut"/> into the run.</summary>
    Task RunAsync(JobRun run, CancellationToken ct);
}
