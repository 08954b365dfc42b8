namespace LineBot.Simulator;

/// <summary>
/// The simulator's seam to the scheduled jobs (weekly reminder, weekly digest, monthly): local mode registers
/// <see cref="SimulatorJobs"/> over the real <c>JobRunner</c>; tests may put their own in its place.
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
