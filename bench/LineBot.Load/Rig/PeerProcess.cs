namespace LineBot.Load.Rig;

/// <summary><c>node bench/peer/server.js</c>: the minimal bot on LINE's SDK middleware, over the same Azurite.</summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    /// <summary>The queue the peer puts events on (in the same emulator as ours).</summary>
    public const string QueueName = "peer-events";

    private readonly ChildProcess _process;

    private PeerProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public int Pid => _process.Pid;
    public string LogPath => _process.LogPath;
    public ProcessStats Stats() => _process.Stats();

    public static async Task<PeerProcess> StartAsync(string workDirectory, string storage, string secret)
    {
        var root = RepoRoot.Find();
        var port = Ports.Free();
        var environment = new Dictionary<string, string>
        {
            ["PEER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LINE_CHANNEL_SECRET"] = secret,
            ["PEER_STORAGE"] = storage,
            ["PEER_QUEUE"] = QueueName,
            ["NODE_ENV"] = "production",
        };
        var process = ChildProcess.Start("node", [Path.Combine(root, "bench", "peer", "server.js")], Path.Combine(workDirectory, "peer.log"), environment, root);
        if (!await Ports.WaitOpenAsync(port, TimeSpan.FromSeconds(30)) || process.HasExited)
        {
            throw new InvalidOperationException($"the peer did not start; see {process.LogPath} (run `npm ci` first)");
        }

        return new PeerProcess(process, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync();
        _process.Dispose();
    }
}
