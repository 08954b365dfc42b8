namespace LineBot.Load.Rig;

/// <summary>
/// Azurite from the repository's npm tools on free loopback ports. By default each service runs in its own process
/// (<c>azurite-blob</c>, <c>azurite-queue</c>, <c>azurite-table</c>): one Node.js thread serving all three was the
/// ceiling of the load runs, and queue and table work can then use two cores. <c>single</c> keeps the one
/// <c>azurite</c> process, for comparison. With a data folder it can be stopped and started again on the same ports
/// with its data (the storage-outage fault); without one it runs in memory.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string AllServices = "blob+queue+table";
    private readonly IReadOnlyList<AzuriteService> _services;

    private AzuriteProcess(string workDirectory, bool persistent, bool single)
    {
        (BlobPort, QueuePort, TablePort) = (Ports.Free(), Ports.Free(), Ports.Free());
        var bin = Path.Combine(RepoRoot.Find(), "node_modules", ".bin");
        var data = persistent ? Path.Combine(workDirectory, "azurite") : null;
        (string Name, int Port)[] endpoints = [("blob", BlobPort), ("queue", QueuePort), ("table", TablePort)];

        // Split, each persistent service has a subfolder: the services' own files differ, but every one keeps its
        // telemetry instance file "AzuriteConfig" at the top of its folder.
        _services = single
            ? [Service(AllServices, Path.Combine(bin, "azurite"), data, Path.Combine(workDirectory, "azurite.log"), endpoints)]
            : [.. endpoints.Select(e => Service(e.Name, Path.Combine(bin, "azurite-" + e.Name), data is null ? null : Path.Combine(data, e.Name),
                Path.Combine(workDirectory, $"azurite-{e.Name}.log"), [e]))];
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>Summed over the processes, with CPU by process.</summary>
    public AzuriteStats Stats() => new([.. _services.Select(s => (s.Name, s.Stats()))]);

    /// <summary>"Azurite pids blob 101, queue 102, table 103" (or "blob+queue+table 100" in one process).</summary>
    public string Pids => "Azurite pids " + string.Join(", ", _services.Select(s => $"{s.Name} {s.Pid}"));

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <param name="single">One <c>azurite</c> process for the three services instead of one process each.</param>
    public static async Task<AzuriteProcess> StartAsync(string workDirectory, bool persistent, bool single = false)
    {
        var azurite = new AzuriteProcess(workDirectory, persistent, single);
        try
        {
            await azurite.StartAgainAsync();
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    /// <summary>Starts (again) every process on the same ports.</summary>
    public async Task StartAgainAsync()
    {
        foreach (var service in _services)
        {
            service.Start();
        }

        await Task.WhenAll(_services.Select(s => s.WaitOpenAsync()));
    }

    /// <summary>
    /// Stops the queue process and starts it again, empty when in memory. Only with the three-process layout (in
    /// one process the tables would go too); false otherwise. The caller creates the queues it needs again.
    /// </summary>
    public async Task<bool> RestartQueueServiceAsync()
    {
        if (_services.SingleOrDefault(s => s.Name == "queue") is not { } queue)
        {
            return false;
        }

        await queue.StopAsync();
        queue.Start();
        await queue.WaitOpenAsync();
        return true;
    }

    /// <summary>A graceful stop of every process (their data is written out when persistent): storage is down until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync() => await Task.WhenAll(_services.Select(s => s.StopAsync()));

    public async ValueTask DisposeAsync() => await StopAsync();

    private static AzuriteService Service(string name, string executable, string? data, string logPath, (string Name, int Port)[] endpoints)
    {
        var args = new List<string> { "--skipApiVersionCheck", "--silent", "--loose" };
        args.AddRange(data is null ? ["--inMemoryPersistence"] : ["--location", Directory.CreateDirectory(data).FullName]);
        foreach (var (service, port) in endpoints)
        {
            args.AddRange([$"--{service}Host", "127.0.0.1", $"--{service}Port", $"{port}"]);
        }

        return new AzuriteService(name, executable, args, [.. endpoints.Select(e => e.Port)], logPath);
    }
}
