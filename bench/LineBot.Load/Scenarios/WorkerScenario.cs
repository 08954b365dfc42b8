using System.Diagnostics;
using LineBot.Load.Rig;

namespace LineBot.Load.Scenarios;

/// <summary>
/// <c>worker</c>: the queue worker alone on report traffic, the evening peak when every นพต. sends the day's report.
/// A pool of reporters (<c>--reporters</c>, default 6,000) is first made known with a report for yesterday; then the
/// bot runs as the webhook alone (<c>--no-worker</c>) while each reporter sends today's report at <c>--rate</c>
/// (default 300 requests/s, one report each); then it runs as the worker alone (<c>--worker-only</c>) over that
/// backlog. It prints the worker's events/s from its start to the last event done, the CPU of the bot and of each
/// emulator process per event, and the accounting: every report stored once and, if the worker kept up, replied
/// before its token's age limit. The webhook and the worker never share the cores here, which the <c>load</c> run
/// (one process doing both at once) does.
/// </summary>
internal static class WorkerScenario
{
    private static readonly Dictionary<string, string> WebhookOnly = new() { ["Worker:Enabled"] = "false" };
    private static readonly Dictionary<string, string> WorkerOnly = new() { ["Webhook:Enabled"] = "false" };

    public static async Task<int> RunAsync(Options options)
    {
        await using var rig = await BotRig.StartAsync(options.Dll, seed: options.Seed, settings: options.BotSettingsWith(), singleAzurite: options.SingleAzurite);
        Console.WriteLine(Inv($"linebot serve pid {rig.Bot.Pid}, {rig.Azurite.Pids}, fake LINE {rig.Line.BaseAddress}; logs in {rig.WorkDirectory}"));
        var peak = await RunPeakAsync(rig, options.Reporters, options.Rate, TimeSpan.FromSeconds(options.DrainLimitSeconds), Console.WriteLine);
        if (peak is null)
        {
            return 1;
        }

        Console.WriteLine("accounting (yesterday's and today's reports):");
        Console.WriteLine(peak.Accounting);
        var leaks = LogScan.Leaks([rig.Bot.LogPath]);
        Console.WriteLine(Inv($"log scan: {LogScan.Lines([rig.Bot.LogPath])} lines of the bot's log, {leaks.Count} with the secret, the access token or message text"));
        return peak.Accounting.ExactlyOnce && peak.Drained && leaks.Count == 0 ? 0 : 1;
    }

    /// <summary>Warm-up, fill and the worker alone (see the class); null when the warm-up did not finish within <paramref name="limit"/>.</summary>
    public static async Task<WorkerPeak?> RunPeakAsync(BotRig rig, int reporters, double rate, TimeSpan limit, Action<string> print)
    {
        // Yesterday's reports: every reporter of the pool gets a profile (new-reporter path, not measured).
        var today = WebhookMix.BangkokDay(LoadRunner.Now());
        var warm = Stopwatch.StartNew();
        var index = 0;
        var known = await LoadRunner.AtRateAsync(rig.Sender, timestamp => Report(rig.Mix, index++, today.AddDays(-1), timestamp), Math.Min(rate, 200), TimeSpan.FromSeconds(reporters / Math.Min(rate, 200)));
        if (!await rig.WaitProcessedAsync(limit))
        {
            print("warm-up: yesterday's reports were not all processed in time");
            return null;
        }

        print(Inv($"warm-up: {reporters} reporters made known with yesterday's report in {warm.Elapsed.TotalSeconds:0.0} s ({known.StatusText()})"));

        // Today's reports, queued by the webhook alone.
        await rig.Bot.StopAsync();
        await rig.Bot.StartAgainAsync(WebhookOnly);
        index = 0;
        var fill = await LoadRunner.AtRateAsync(rig.Sender, timestamp => Report(rig.Mix, index++, today, timestamp), rate, TimeSpan.FromSeconds(reporters / rate));
        var sinceFill = Stopwatch.StartNew();
        print(Inv($"fill (webhook alone): {fill.Requests} reports in {fill.Elapsed.TotalSeconds:0.0} s ({fill.Throughput:0} req/s; {fill.StatusText()}); ack {fill.Summary()}"));
        // What the webhook did not answer in time goes again, as LINE would send it, before the webhook stops.
        await rig.Sender.DrainRedeliveriesAsync(limit);
        var (queued, _) = await Accounting.QueuesAsync(rig.Storage, rig.Prefix);
        await rig.Bot.StopAsync();

        // The worker alone over the backlog.
        var azuriteBefore = rig.Azurite.Stats();
        var drain = Stopwatch.StartNew();
        await rig.Bot.StartAgainAsync(WorkerOnly);
        var drained = await rig.WaitProcessedAsync(limit, left => print(Inv($"  working… {left} queue messages left")));
        drain.Stop();
        var bot = rig.Bot.Stats();
        var azurite = rig.Azurite.Stats();
        var peak = new WorkerPeak(reporters, queued, drained, drain.Elapsed, sinceFill.Elapsed + fill.Elapsed, await rig.AccountAsync());
        print(Inv($"worker alone: {reporters} reports ({queued} queue messages) {(drained ? "done" : "NOT done")} in {drain.Elapsed.TotalSeconds:0.0} s from its start = {peak.EventsPerSecond:0} events/s; the first report was {peak.OldestAge.TotalSeconds:0} s old at the end"));
        print(Inv($"  CPU per report: bot {1000 * bot.CpuSeconds / reporters:0.00} ms (start-up included); Azurite {1000 * (azurite.CpuSeconds - azuriteBefore.CpuSeconds) / reporters:0.00} ms ({azurite.CpuSince(azuriteBefore)}); bot peak memory {BotRig.Mb(bot.PeakBytes)}"));
        return peak;
    }

    private static WebhookRequest Report(WebhookMix mix, int index, DateOnly day, long timestamp) =>
        mix.ReportFrom(mix.PoolReporter(index), "นายทดสอบ ที่" + (index + 1), day, timestamp);

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>What <see cref="WorkerScenario.RunPeakAsync"/> measured: today's reports, their queue messages, the worker's time from its start.</summary>
internal sealed record WorkerPeak(int Reports, int QueueMessages, bool Drained, TimeSpan WorkerTime, TimeSpan OldestAge, Accounting Accounting)
{
    public double EventsPerSecond => Reports / WorkerTime.TotalSeconds;
}
