namespace LineBot.Simulator;

/// <summary>
/// The simulator's seam to the scheduled jobs (weekly reminder, weekly digest, monthly). Registered
/// optionally: when absent the page says the jobs are not available. The jobs feature adapts its runner
/// (<c>JobRunner.RunAsync(name, at, dryRun, ct)</c>) to this.
/// </summary>
internal interface ISimulatorJobs
{
    /// <summary>Job names the page offers, the same as <c>linebot jobs run</c>: reminder, digest, monthly.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Runs the job as if the scheduler fired at <paramref name="at"/> (the simulator clock's now).</summary>
    Task<SimulatorJobResult> RunAsync(string name, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>What a job run did, in a line for the timeline.</summary>
internal sealed record SimulatorJobResult(bool Succeeded, string Summary);
