using System.Runtime.InteropServices;

namespace LineBot.Benchmarks;

/// <summary>
/// An exclusive flock(2) on the file named by LINEBOT_BENCH_LOCK (e.g. /tmp/linebot-suite.lock, the lock test
/// suites take), held while a benchmark measures, so that a long set-up need not hold it. No variable: no lock.
/// </summary>
internal sealed class MeasurementLock : IDisposable
{
    private const int LockExclusive = 2;
    private readonly FileStream? _file;

    private MeasurementLock(FileStream? file) => _file = file;

    public static MeasurementLock Take()
    {
        if (Environment.GetEnvironmentVariable("LINEBOT_BENCH_LOCK") is not { Length: > 0 } path || !OperatingSystem.IsLinux())
        {
            return new MeasurementLock(null);
        }

        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        Console.WriteLine($"waiting for {path}");
        if (Flock((int)file.SafeFileHandle.DangerousGetHandle(), LockExclusive) != 0)
        {
            file.Dispose();
            throw new IOException($"flock {path} failed");
        }

        return new MeasurementLock(file);
    }

    // Closing the file releases the lock.
    public void Dispose() => _file?.Dispose();

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Flock(int fd, int operation);
}
