using System.Diagnostics;
using System.Net.Sockets;

namespace LineBot.Tests.Infrastructure;

/// <summary>
/// The real Azure Storage emulator for every storage test. ./test.sh starts one Azurite and passes its
/// connection string in LINEBOT_TEST_STORAGE; run without it (plain <c>dotnet test</c>), the first test that
/// needs storage starts one here, on free loopback ports, and it is stopped by PID when the test process
/// exits. Tests isolate themselves with a unique <see cref="NewPrefix"/>, so they run in parallel safely.
/// </summary>
internal static class Azurite
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Lazy<string> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static Process? _process;

    public static string ConnectionString => Environment.GetEnvironmentVariable("LINEBOT_TEST_STORAGE") is { Length: > 0 } fromScript
        ? fromScript
        : Shared.Value;

    /// <summary>A connection string to loopback ports where nothing listens: storage "down".</summary>
    public static string Unreachable
    {
        get
        {
            var port = FreePort.Next();
            return For(port, port, port);
        }
    }

    /// <summary>A fresh lowercase prefix for table/container/queue names.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static string For(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    private static string Start()
    {
        var azurite = RepoPaths.NodeBin("azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed ({azurite}). Run ./test.sh, or npm ci at the repository root.");
        }

        int blob = FreePort.Next(), queue = FreePort.Next(), table = FreePort.Next();
        var info = new ProcessStartInfo(azurite)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
                 })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();

        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { blob, queue, table })
        {
            while (!Listening(port))
            {
                if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Stop();
                    throw new InvalidOperationException("Azurite did not start listening within 30 s.");
                }

                Thread.Sleep(100);
            }
        }

        return For(blob, queue, table);
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            // Azurite may need a second signal after traffic; the kill ends the whole tree.
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }
}
