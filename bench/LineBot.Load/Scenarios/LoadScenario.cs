using System.Diagnostics;
using System.Globalization;
using LineBot.Load.Rig;

namespace LineBot.Load.Scenarios;

/// <summary>
/// <c>load</c>: the realistic mix at a fixed rate (default 60 s at 300 requests/s) against <c>linebot serve</c>
/// with its worker, then the drain of the backlog and the end-to-end accounting, then a ramp of 10 s steps to find
/// the highest rate held with p99 ack under 100 ms, then a scan of every log line of the run.
/// </summary>
internal static class LoadScenario
{
    public static readonly double[] RampRates = [300, 400, 550, 750, 1000, 1300, 1700, 2200, 3000];

    public static async Task<int> RunAsync(Options options)
    {
        await using var rig = await BotRig.StartAsync(options.Dll, seed: options.Seed, settings: options.BotSettingsWith(), singleAzurite: options.SingleAzurite);
        Console.WriteLine(Inv($"linebot serve pid {rig.Bot.Pid} on {rig.Bot.BaseAddress}, {rig.Azurite.Pids}, fake LINE {rig.Line.BaseAddress}; logs in {rig.WorkDirectory}"));

        // Warm-up: JIT, connections, tables; not counted.
        await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 50, TimeSpan.FromSeconds(5));
        await rig.WaitProcessedAsync(TimeSpan.FromSeconds(120));
        var before = rig.Bot.Stats();
        var azuriteBefore = rig.Azurite.Stats();
        var doneBefore = await Accounting.DoneCountAsync(rig.Storage, rig.Prefix);
        var ledgerBefore = rig.Mix.Ledger.Count;

        var phase = await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, options.Rate, TimeSpan.FromSeconds(options.Seconds));
        var afterLoad = rig.Bot.Stats();
        var azuriteAfterLoad = rig.Azurite.Stats();
        var doneAtStop = await Accounting.DoneCountAsync(rig.Storage, rig.Prefix);
        Console.WriteLine(Inv($"load: {phase.Requests} requests in {phase.Elapsed.TotalSeconds:0.0} s at {options.Rate} req/s target ({phase.Throughput:0} req/s achieved; {phase.StatusText()}); {rig.Mix.Redeliveries} redeliveries in the mix"));
        Console.WriteLine("  ack latency: " + phase.Summary());
        // When the unanswered requests were due: a stall at the start, at the end or throughout reads differently.
        Console.WriteLine("  by 10 s of due time (200 / other / no answer): " + string.Join("; ", phase.Timeline
            .GroupBy(t => (int)(t.DueSeconds / 10))
            .OrderBy(g => g.Key)
            .Select(g => Inv($"{g.Key * 10}–{(g.Key + 1) * 10} s {g.Count(t => t.Status is >= 200 and < 300)}/{g.Count(t => t.Status is not 0 and (< 200 or >= 300))}/{g.Count(t => t.Status == 0)}"))));
        Console.WriteLine(Inv($"  bot CPU: {afterLoad.CpuSeconds - before.CpuSeconds:0.00} s during the load = {1000 * (afterLoad.CpuSeconds - before.CpuSeconds) / phase.Requests:0.000} CPU s per 1,000 requests (webhook and worker together); Azurite CPU {azuriteAfterLoad.CpuSeconds - azuriteBefore.CpuSeconds:0.00} s ({(azuriteAfterLoad.CpuSeconds - azuriteBefore.CpuSeconds) / phase.Elapsed.TotalSeconds:P0} of a core; {azuriteAfterLoad.CpuSince(azuriteBefore)})"));

        // The worker keeps up: the backlog left when the load stops drains.
        var sentEvents = rig.Mix.Ledger.Count;
        var backlog = sentEvents - doneAtStop;
        var drain = Stopwatch.StartNew();
        var drained = await rig.WaitProcessedAsync(TimeSpan.FromSeconds(options.DrainLimitSeconds), queued => Console.WriteLine(Inv($"  draining… {queued} messages on the queue")));
        drain.Stop();
        await rig.Sender.DrainRedeliveriesAsync(TimeSpan.FromSeconds(30));
        var afterDrain = rig.Bot.Stats();
        var azuriteAfterDrain = rig.Azurite.Stats();
        var processed = (await Accounting.DoneCountAsync(rig.Storage, rig.Prefix)) - doneBefore;
        var workerSeconds = phase.Elapsed.TotalSeconds + drain.Elapsed.TotalSeconds;
        Console.WriteLine(Inv($"drain: {backlog} events waiting when the load stopped; {(drained ? "drained" : "NOT drained")} in {drain.Elapsed.TotalSeconds:0.0} s; worker {processed / workerSeconds:0} events/s over load + drain ({sentEvents - ledgerBefore} events); Azurite CPU over load + drain {(azuriteAfterDrain.CpuSeconds - azuriteBefore.CpuSeconds) / workerSeconds:P0} of a core ({azuriteAfterDrain.CpuSince(azuriteBefore)})"));
        Console.WriteLine(Inv($"  bot CPU load + drain: {afterDrain.CpuSeconds - before.CpuSeconds:0.00} s = {1000 * (afterDrain.CpuSeconds - before.CpuSeconds) / phase.Requests:0.000} CPU s per 1,000 requests; peak memory {BotRig.Mb(afterDrain.PeakBytes)}; Azurite peak memory {BotRig.Mb(azuriteAfterDrain.PeakBytes)} (summed over its processes)"));
        var accounting = await rig.AccountAsync();
        Console.WriteLine("accounting:");
        Console.WriteLine(accounting);

        var held = options.Ramp ? await RampAsync(rig) : 0;
        var peak = rig.Bot.Stats();
        Console.WriteLine(Inv($"bot peak memory over the run: {BotRig.Mb(peak.PeakBytes)}"));

        var logs = new[] { rig.Bot.LogPath };
        var leaks = LogScan.Leaks(logs);
        Console.WriteLine(Inv($"log scan: {LogScan.Lines(logs)} lines of the bot's log, {leaks.Count} with the secret, the access token or message text"));
        foreach (var leak in leaks.Take(10))
        {
            Console.WriteLine("  " + leak);
        }

        _ = held;
        return accounting.ExactlyOnce && drained && leaks.Count == 0 ? 0 : 1;
    }

    /// <summary>10 s steps of rising rate; the highest rate whose p99 ack stays under 100 ms (and answered every request 200).</summary>
    public static async Task<double> RampAsync(BotRig rig)
    {
        double held = 0;
        foreach (var rate in RampRates)
        {
            var step = await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, rate, TimeSpan.FromSeconds(10));
            var summary = step.Summary();
            var ok = summary.P99 < 100 && step.Ok == step.Requests;
            Console.WriteLine(Inv($"ramp {rate,5} req/s: {step.Throughput:0} req/s, {summary}; {step.StatusText()} → {(ok ? "held" : "not held")}"));
            if (!ok)
            {
                break;
            }

            held = rate;
        }

        Console.WriteLine(Inv($"ramp: highest rate held with p99 ack < 100 ms: {(held > 0 ? held.ToString(CultureInfo.InvariantCulture) + " req/s" : "none")}"));
        return held;
    }

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
