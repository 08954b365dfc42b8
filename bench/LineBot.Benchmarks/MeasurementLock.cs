using System.Runtime.InteropServices;

namespace LineBot.Benchmarks;

/// <summary>
/// An exclusive flock(2) on the file named by LINEBOT_BENCH_LOCK (e.g. /tmp/linebot-suite.lock, the lock test
/// suites take), held while a benchmark measures, so that a long set-up need not hold it. No variable: no lock.
/// </summary>
internal sealed class MeasurementLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int ReadOnlyCreate = 0x40;
    private readonly int _fd;

    private MeasurementLock(int fd) => _fd = fd;

    public static MeasurementLock Take()
    {
        if (Environment.GetEnvironmentVariable("LINEBOT_BENCH_LOCK") is not { Length: > 0 } path || !OperatingSystem.IsLinux())
        {
            return new MeasurementLock(-1);
        }

        // A raw descriptor: a FileStream takes a non-blocking flock of its own on Linux and fails while another holds it.
        var fd = Open(path, ReadOnlyCreate, 0x1B6);
        Console.WriteLine($"waiting for {path}");
        if (fd < 0 || Flock(fd, LockExclusive) != 0)
        {
            throw new IOException($"flock {path} failed");
        }

        return new MeasurementLock(fd);
    }

    // Closing the descriptor releases the lock.
    public void Dispose()
    {
        if (_fd >= 0)
        {
            _ = Close(_fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Flock(int fd, int operation);
}
