namespace LineBot.Load.Rig;

/// <summary>
/// <c>linebot serve</c> as shipped (webhook, queue worker and scheduler in one process) in real-token mode, its
/// LINE hosts pointing at <see cref="FakeLine"/>, on a free loopback port. Can be killed and started again.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    public const string Secret = "load-channel-secret-7f3a9c";
    public const string AccessToken = "load-access-token-5b8e2d41c6";
    public const string AdminUserId = "Uad00000000000000000000000000a001";

    private readonly string _dll;
    private readonly string _logPath;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private ChildProcess? _process;

    private BotProcess(string dll, string logPath, IReadOnlyDictionary<string, string> settings)
    {
        _dll = dll;
        _logPath = logPath;
        _settings = settings;
        Port = Ports.Free();
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public string LogPath => _logPath;
    public int Pid => _process?.Pid ?? 0;
    public ProcessStats Stats() => _process?.Stats() ?? default;

    /// <summary>The default build: <c>dotnet build cli/LineBot.Cli -c Release</c>.</summary>
    public static string DefaultDll(string configuration = "Release") =>
        Path.Combine(RepoRoot.Find(), "cli", "LineBot.Cli", "bin", configuration, "net10.0", "linebot.dll");

    public static async Task<BotProcess> StartAsync(string dll, string workDirectory, string storage, string prefix, string groupId, Uri line, IReadOnlyDictionary<string, string>? extra = null)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build it first (dotnet build cli/LineBot.Cli -c Release).");
        }

        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Storage:Prefix"] = prefix,
            ["Line:ChannelSecret"] = Secret,
            ["Line:ChannelAccessToken"] = AccessToken,
            ["Line:ApiBaseUrl"] = line.AbsoluteUri,
            ["Line:DataApiBaseUrl"] = line.AbsoluteUri,
            ["Bot:GroupIds:0"] = groupId,
            ["Bot:AdminUserIds:0"] = AdminUserId,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var bot = new BotProcess(dll, Path.Combine(workDirectory, "bot.log"), settings);
        await bot.StartAgainAsync();
        return bot;
    }

    /// <summary>Starts the process again, with <paramref name="overrides"/> over its settings for this start only (e.g. <c>Webhook:Enabled=false</c>).</summary>
    public async Task StartAgainAsync(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>(_settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var args = new List<string> { _dll, "serve", $"--urls=http://127.0.0.1:{Port}" };
        args.AddRange(settings.Select(kv => $"--{kv.Key}={kv.Value}"));
        var environment = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        _process = ChildProcess.Start("dotnet", args, _logPath, environment, RepoRoot.Find());
        if (!await Ports.WaitOpenAsync(Port, TimeSpan.FromSeconds(60)) || _process.HasExited)
        {
            throw new InvalidOperationException($"linebot serve did not start; see {_logPath}");
        }
    }

    /// <summary>Runs another <c>linebot</c> verb (e.g. <c>jobs run digest</c>) with the same settings; its output goes to the log too.</summary>
    public async Task<int> RunCliAsync(params string[] verb)
    {
        var args = new List<string> { _dll };
        args.AddRange(verb);
        args.AddRange(_settings.Select(kv => $"--{kv.Key}={kv.Value}"));
        using var process = ChildProcess.Start("dotnet", args, _logPath, new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }, RepoRoot.Find());
        return await process.WaitAsync(TimeSpan.FromMinutes(5));
    }

    /// <summary>SIGKILL mid-work.</summary>
    public void Kill()
    {
        _process?.Kill();
        _process?.Dispose();
        _process = null;
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(15));
            _process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
