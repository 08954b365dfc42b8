namespace LineBot.Load.Rig;

/// <summary>
/// Azurite from the repository's npm tools on free loopback ports. With a data folder it can be stopped and
/// started again on the same ports with its data (the storage-outage fault); without one it runs in memory.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _root;
    private readonly string? _dataDirectory;
    private readonly string _logPath;
    private ChildProcess? _process;

    private AzuriteProcess(string root, string? dataDirectory, string logPath)
    {
        _root = root;
        _dataDirectory = dataDirectory;
        _logPath = logPath;
        (BlobPort, QueuePort, TablePort) = (Ports.Free(), Ports.Free(), Ports.Free());
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public int Pid => _process?.Pid ?? 0;
    public ProcessStats Stats() => _process?.Stats() ?? default;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(string workDirectory, bool persistent)
    {
        var root = RepoRoot.Find();
        var data = persistent ? Directory.CreateDirectory(Path.Combine(workDirectory, "azurite")).FullName : null;
        var azurite = new AzuriteProcess(root, data, Path.Combine(workDirectory, "azurite.log"));
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Starts (again) on the same ports.</summary>
    public async Task StartAgainAsync()
    {
        var args = new List<string> { "--skipApiVersionCheck", "--silent", "--loose" };
        args.AddRange(_dataDirectory is null ? ["--inMemoryPersistence"] : ["--location", _dataDirectory]);
        args.AddRange(["--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}", "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}"]);
        var exe = Path.Combine(_root, "node_modules", ".bin", "azurite");
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException($"{exe} is missing: run `npm ci` in the repository first.");
        }

        _process = ChildProcess.Start(exe, args, _logPath);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            if (!await Ports.WaitOpenAsync(port, TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException($"Azurite did not open port {port}; see {_logPath}");
            }
        }
    }

    /// <summary>A graceful stop (its data is written out when persistent): storage is down until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(20));
            _process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
