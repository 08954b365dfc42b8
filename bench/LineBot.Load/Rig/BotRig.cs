using System.Diagnostics;
using System.Globalization;

namespace LineBot.Load.Rig;

/// <summary>
/// Everything one run needs, on loopback: Azurite, the fake LINE, <c>linebot serve</c> (a process, as shipped)
/// over them, a seeded <see cref="WebhookMix"/> and a LINE-like <see cref="LineSender"/>. Started with the bot's
/// join already processed; disposed in reverse.
/// </summary>
internal sealed class BotRig : IAsyncDisposable
{
    private BotRig(string work, AzuriteProcess azurite, FakeLine line, BotProcess bot, WebhookMix mix, LineSender sender, string prefix)
    {
        WorkDirectory = work;
        Azurite = azurite;
        Line = line;
        Bot = bot;
        Mix = mix;
        Sender = sender;
        Prefix = prefix;
    }

    public string WorkDirectory { get; }
    public AzuriteProcess Azurite { get; }
    public FakeLine Line { get; }
    public BotProcess Bot { get; }
    public WebhookMix Mix { get; }
    public LineSender Sender { get; }
    public string Prefix { get; }
    public string Storage => Azurite.ConnectionString;

    public static async Task<BotRig> StartAsync(string? dll = null, bool persistentStorage = false, int seed = 1, IReadOnlyDictionary<string, string>? settings = null, string? workDirectory = null, bool singleAzurite = false)
    {
        var work = workDirectory ?? Path.Combine(Path.GetTempPath(), "linebot-load-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var azurite = await AzuriteProcess.StartAsync(work, persistentStorage, singleAzurite);
        var line = await FakeLine.StartAsync(seed);
        var prefix = "l" + Guid.NewGuid().ToString("N")[..8];
        var group = "C" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var bot = await BotProcess.StartAsync(dll ?? BotProcess.DefaultDll(), work, azurite.ConnectionString, prefix, group, line.BaseAddress, settings);
        var mix = new WebhookMix(group, seed);
        var sender = new LineSender(bot.BaseAddress, BotProcess.Secret);
        var rig = new BotRig(work, azurite, line, bot, mix, sender, prefix);
        var status = await sender.SendAsync(mix.Join(LoadRunner.Now()), redeliverOnFailure: false);
        if (status != 200)
        {
            throw new InvalidOperationException($"the join was answered {status}; see {bot.LogPath}");
        }

        // Webhook only (--no-worker): nothing will process the join.
        if (settings?.GetValueOrDefault("Worker:Enabled") != "false")
        {
            await rig.WaitProcessedAsync(TimeSpan.FromSeconds(60));
        }

        return rig;
    }

    /// <summary>
    /// Waits until every event in the ledger is processed; returns false at the limit. While messages wait on the
    /// queue only its count is asked (one cheap call): counting done claims reads the whole table, and doing that
    /// every 250 ms took Azurite's single-threaded table service from the worker being measured.
    /// </summary>
    public async Task<bool> WaitProcessedAsync(TimeSpan limit, Action<int>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (clock.Elapsed < limit)
        {
            var (queued, _) = await Accounting.QueuesAsync(Storage, Prefix);
            if (queued == 0 && await Accounting.DoneCountAsync(Storage, Prefix) >= Mix.Ledger.Count)
            {
                return true;
            }

            if (progress is not null && clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                progress(queued);
                lastReport = clock.Elapsed;
            }

            await Task.Delay(250);
        }

        return false;
    }

    public Task<Accounting> AccountAsync() => Accounting.TakeAsync(Storage, Prefix, Mix.Ledger, Line);

    public async ValueTask DisposeAsync()
    {
        Sender.Dispose();
        await Bot.DisposeAsync();
        await Line.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MB";
}
