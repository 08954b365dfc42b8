using System.Globalization;

namespace LineBot.Load.Rig;

/// <summary>CPU and memory of Azurite's processes at one instant: summed over the processes, and CPU by process.</summary>
internal sealed record AzuriteStats(IReadOnlyList<(string Name, ProcessStats Stats)> Processes)
{
    public double CpuSeconds => Processes.Sum(p => p.Stats.CpuSeconds);

    /// <summary>The sum of each process's own peak: an upper bound of their peak together.</summary>
    public long PeakBytes => Processes.Sum(p => p.Stats.PeakBytes);

    public long RssBytes => Processes.Sum(p => p.Stats.RssBytes);

    /// <summary>CPU seconds of each process since <paramref name="before"/> (same processes), e.g. "blob 0.41 s, queue 9.02 s, table 5.10 s".</summary>
    public string CpuSince(AzuriteStats before) => string.Join(", ", Processes.Select((p, i) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Stats.CpuSeconds - before.Processes[i].Stats.CpuSeconds:0.00} s")));
}
