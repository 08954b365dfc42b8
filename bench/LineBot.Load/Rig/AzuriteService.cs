namespace LineBot.Load.Rig;

/// <summary>
/// One Azurite child process: <c>azurite-blob</c>, <c>azurite-queue</c> or <c>azurite-table</c>, or <c>azurite</c>
/// serving all three. Started again with the same arguments (ports, data folder) after a stop.
/// </summary>
internal sealed class AzuriteService(string name, string executable, IReadOnlyList<string> arguments, IReadOnlyList<int> ports, string logPath)
{
    private ChildProcess? _process;

    /// <summary>What it serves: <c>blob</c>, <c>queue</c>, <c>table</c> or <c>blob+queue+table</c>.</summary>
    public string Name => name;
    public int Pid => _process?.Pid ?? 0;
    public ProcessStats Stats() => _process?.Stats() ?? default;

    /// <summary>Starts the process without waiting, so that several can boot side by side; then <see cref="WaitOpenAsync"/>.</summary>
    public void Start()
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run `npm ci` in the repository first.");
        }

        _process = ChildProcess.Start(executable, arguments, logPath);
    }

    public async Task WaitOpenAsync()
    {
        foreach (var port in ports)
        {
            if (!await Ports.WaitOpenAsync(port, TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException($"Azurite ({name}) did not open port {port}; see {logPath}");
            }
        }
    }

    /// <summary>
    /// A graceful stop: a persistent service writes its data out first. By SIGINT, which every Azurite entry point
    /// handles: <c>azurite-table</c> has no SIGTERM handler, so SIGTERM killed it with the table writes of the last
    /// autosave interval (5 s) unsaved, and the storage-outage fault lost events.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(20), "INT");
            _process.Dispose();
            _process = null;
        }
    }
}
