using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace LineBot.Tests.Reliability;

/// <summary>Per-message timings of a fuzz run (wall and thread CPU, with or without a collection during it), as percentiles.</summary>
internal sealed class FuzzStats(int capacity)
{
    private readonly List<double> _wallUs = new(capacity);
    private readonly List<double> _cpuUs = new(capacity);
    private readonly List<double> _cpuWithoutGcUs = new(capacity);
    private readonly List<int> _lengths = new(capacity);
    private int _withGc;

    public void Add(TimeSpan wall, long cpuNanoseconds, bool collected, int length)
    {
        _wallUs.Add(wall.TotalMicroseconds);
        _cpuUs.Add(cpuNanoseconds / 1000.0);
        _lengths.Add(length);
        if (collected)
        {
            _withGc++;
        }
        else
        {
            _cpuWithoutGcUs.Add(cpuNanoseconds / 1000.0);
        }
    }

    public IEnumerable<string> Summary(TimeSpan limit)
    {
        var ms = limit.TotalMicroseconds;
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{_wallUs.Count:N0} messages (mean {_lengths.Average():0} chars, max {_lengths.Max()}); {_withGc:N0} had a gen-0 collection during their parse; {GC.CollectionCount(0)} gen-0, {GC.CollectionCount(1)} gen-1, {GC.CollectionCount(2)} gen-2 collections in the process; server GC {System.Runtime.GCSettings.IsServerGC}");
        yield return Line("wall, first timing", _wallUs, ms);
        yield return Line("thread CPU", _cpuUs, ms);
        yield return Line("thread CPU, no collection during it", _cpuWithoutGcUs, ms);
    }

    private static string Line(string label, List<double> values, double limitUs)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}: p50 {At(0.50):0.0} us, p90 {At(0.90):0.0}, p99 {At(0.99):0.0}, p99.9 {At(0.999):0.0}, p99.99 {At(0.9999):0.0}, max {sorted[^1]:0.0} us; {sorted.Count(v => v > limitUs)} over {limitUs / 1000:0.###} ms");
    }
}

/// <summary>This thread's CPU time (CLOCK_THREAD_CPUTIME_ID on Linux; the process's elsewhere).</summary>
internal static class ThreadCpu
{
    public static long Nanoseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var ts) == 0)
        {
            return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
        }

        return Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
