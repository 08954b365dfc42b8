using System.Globalization;
using LineBot.Jobs;

namespace LineBot.Simulator;

/// <summary>The page's job buttons run the real jobs, as if the scheduler fired at the simulator clock's now.</summary>
internal sealed class SimulatorJobs(JobRunner runner) : ISimulatorJobs
{
    public IReadOnlyList<string> Names => JobNames.All;

    public async Task<SimulatorJobResult> RunAsync(string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(name, at, dryRun: false, cancellationToken);
        if (result.Skipped)
        {
            return new SimulatorJobResult(true, $"{result.Job}: ไม่ได้ส่ง ({result.SkippedBecause})");
        }

        var failed = result.Pushes.Count(p => p.Outcome == PushOutcome.Failed);
        var again = result.Pushes.Count(p => p.Outcome == PushOutcome.AlreadySent);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{result.Job}: ส่ง {result.Pushes.Count - failed - again} ข้อความ");
        if (again > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $", ส่งไปแล้วก่อนหน้า {again}");
        }

        if (result.Shortfalls.Count > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $", โควตาไม่พอสำหรับกลุ่ม {result.Shortfalls.Count}");
        }

        return new SimulatorJobResult(failed == 0, failed == 0 ? summary : summary + string.Create(CultureInfo.InvariantCulture, $", ล้มเหลว {failed}"));
    }
}
