using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Globalization;
using System.Text.Json;
using LineBot.Reports.Parsing;

namespace LineBot.Benchmarks;

/// <summary>
/// The parser's kept corpus (tests/LineBot.Tests/Reports/Parsing/Corpus/*.jsonl) for the benchmarks, and the
/// per-message worst case: <c>dotnet run -c Release --project bench/LineBot.Benchmarks -- parser-max</c>.
/// </summary>
public static class ParserCorpus
{
    public sealed record Message(string Text, DateTimeOffset Now, bool IsReport);

    public static IReadOnlyList<Message> Load()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "LineBot.Tests", "Reports", "Parsing", "Corpus");
        var messages = new List<Message>();
        foreach (var line in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var now = root.TryGetProperty("now", out var n) ? n.GetString()! : "2026-11-25T18:00:00+07:00";
            var kind = root.TryGetProperty("kind", out var k) ? k.GetString() : "daily-report";
            messages.Add(new Message(root.GetProperty("text").GetString()!, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), kind == "daily-report"));
        }

        return messages;
    }

    /// <summary>
    /// Parses every message 200 times after a warm-up and prints the mean and the slowest single parse, both in
    /// this thread's CPU time (so that other processes on a shared machine do not count) and in wall time.
    /// </summary>
    public static int PrintWorstCase()
    {
        var parser = new ReportParser(ChachoengsaoGazetteer.Create());
        var messages = Load();
        for (var warm = 0; warm < 50; warm++)
        {
            foreach (var m in messages)
            {
                parser.Parse(m.Text, m.Now);
            }
        }

        const int Rounds = 200;
        var worstCpu = 0L;
        var worstWall = TimeSpan.Zero;
        var worstText = "";
        var totalCpu = 0L;
        var reportCpu = 0L;
        var worstWithoutGc = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var m in messages)
            {
                var collections = GC.CollectionCount(0);
                var startCpu = NativeMethods.ThreadCpuNanoseconds();
                var start = Stopwatch.GetTimestamp();
                parser.Parse(m.Text, m.Now);
                var elapsed = Stopwatch.GetElapsedTime(start);
                var cpu = NativeMethods.ThreadCpuNanoseconds() - startCpu;
                if (GC.CollectionCount(0) == collections)
                {
                    worstWithoutGc = Math.Max(worstWithoutGc, cpu);
                }

                totalCpu += cpu;
                reportCpu += m.IsReport ? cpu : 0;
                worstWall = elapsed > worstWall ? elapsed : worstWall;
                if (cpu > worstCpu)
                {
                    worstCpu = cpu;
                    worstText = m.Text;
                }
            }
        }

        var count = (double)Rounds * messages.Count;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{messages.Count} messages x {Rounds}: CPU mean {totalCpu / count / 1000:0.00} us/message ({count * 1e9 / totalCpu:0} messages/s on one core), {allocated:0} bytes allocated/message"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slowest single parse: {worstWithoutGc / 1000.0:0.0} us CPU ({worstCpu / 1000.0:0.0} us when a gen-0 collection ran during it)"));
        var reports = (double)Rounds * messages.Count(m => m.IsReport);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reports only: CPU mean {reportCpu / reports / 1000:0.00} us/report ({reports * 1e9 / reportCpu:0} reports/s on one core)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wall clock (includes other processes and GC on a shared machine): mean {wall.Elapsed.TotalMicroseconds / count:0.00} us/message, slowest {worstWall.TotalMicroseconds:0.0} us"));
        Console.WriteLine("slowest message (CPU) starts: " + worstText[..Math.Min(60, worstText.Length)].ReplaceLineEndings(" / "));
        return worstCpu < 1_000_000 ? 0 : 1;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LineBot.sln")))
            {
                return dir.FullName;
            }
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LineBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("LineBot.sln not found above the benchmark or the working directory.");
    }
}

internal static class NativeMethods
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    internal static long ThreadCpuNanoseconds()
    {
        // CLOCK_THREAD_CPUTIME_ID on Linux; elsewhere fall back to the process's CPU time.
        if (OperatingSystem.IsLinux() && clock_gettime(3, out var ts) == 0)
        {
            return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
        }

        return Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern int clock_gettime(int clock, out TimeSpec time);
}
