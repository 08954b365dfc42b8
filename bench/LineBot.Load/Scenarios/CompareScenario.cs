using System.Globalization;
using LineBot.Load.Rig;

namespace LineBot.Load.Scenarios;

/// <summary>
/// <c>compare</c>: ours (<c>linebot serve</c> as shipped, its queue worker running) against the peer (LINE's SDK
/// middleware + the Azure queue client on Node) on the same Azurite, same load generator, same run, alternating
/// A B B A … so that the machine's noise falls on both. Two loads: a fixed concurrency (closed loop: throughput)
/// and a fixed 300 requests/s (open loop). Ours is charged the CPU of its worker too: each of our phases lasts
/// until the worker has drained what the phase queued, so the peer never runs while our worker still works.
/// Before every phase, of either side, the emulator's queue process is restarted empty (three-process layout): nobody
/// consumes the peer's queue, and the emulator's queue calls and its GC (a mark and sweep every 60 s that walks every
/// message held, 27 s after a minute of our load) slow down with what it holds. Emptying the peer's queue instead
/// took over 7 minutes for 13,000 messages, since the emulator removes them one by one.
/// </summary>
internal static class CompareScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        // --no-worker: our webhook alone (linebot serve --no-worker) against the peer, which is ingress only too.
        var settings = options.BotSettingsWith(options.NoWorker ? new Dictionary<string, string> { ["Worker:Enabled"] = "false" } : null);
        await using var rig = await BotRig.StartAsync(options.Dll, seed: options.Seed, settings: settings, singleAzurite: options.SingleAzurite);
        await using var peer = await PeerProcess.StartAsync(rig.WorkDirectory, rig.Storage, BotProcess.Secret);
        var peerMix = new WebhookMix(rig.Mix.GroupId, options.Seed + 1000);
        using var peerSender = new LineSender(peer.BaseAddress, BotProcess.Secret);
        var phase = TimeSpan.FromSeconds(options.PhaseSeconds);
        Console.WriteLine(Inv($"ours: linebot serve{(options.NoWorker ? " --no-worker (webhook only)" : "")} pid {rig.Bot.Pid}; peer: node pid {peer.Pid}; {rig.Azurite.Pids}; {options.Rounds} rounds of {options.PhaseSeconds} s per side and load, alternating"));

        // Warm-up both (JIT, connections, queue creation).
        await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 100, TimeSpan.FromSeconds(5));
        if (!options.NoWorker)
        {
            await rig.WaitProcessedAsync(TimeSpan.FromSeconds(300));
        }

        await LoadRunner.AtRateAsync(peerSender, peerMix.Next, 100, TimeSpan.FromSeconds(5));

        var tallies = new Dictionary<string, Tally>();
        foreach (var load in new[] { $"concurrency {options.Concurrency}", "300 req/s" })
        {
            foreach (var side in new[] { "ours", "peer" })
            {
                tallies[$"{load}|{side}"] = new Tally();
            }
        }

        for (var round = 1; round <= options.Rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { "ours", "peer" } : ["peer", "ours"];
            foreach (var side in order)
            {
                var closed = $"concurrency {options.Concurrency}";
                var ours = side == "ours";
                await MeasureAsync(options.DrainLimitSeconds, tallies[$"{closed}|{side}"], ours, !options.NoWorker, rig, peer, () => ours
                    ? LoadRunner.AtConcurrencyAsync(rig.Sender, rig.Mix.Next, options.Concurrency, phase)
                    : LoadRunner.AtConcurrencyAsync(peerSender, peerMix.Next, options.Concurrency, phase), Inv($"round {round} {closed} {side}"));
                await MeasureAsync(options.DrainLimitSeconds, tallies[$"300 req/s|{side}"], ours, !options.NoWorker, rig, peer, () => ours
                    ? LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 300, phase)
                    : LoadRunner.AtRateAsync(peerSender, peerMix.Next, 300, phase), Inv($"round {round} 300 req/s {side}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("ours against the peer (ratio = ours / peer), over all rounds:");
        var closedKey = $"concurrency {options.Concurrency}";
        foreach (var load in new[] { closedKey, "300 req/s" })
        {
            var o = tallies[$"{load}|ours"];
            var p = tallies[$"{load}|peer"];
            Console.WriteLine(Inv($"  {load}: ours {o}"));
            Console.WriteLine(Inv($"  {load}: peer {p}"));
            Console.WriteLine(Inv($"  {load}: throughput ×{o.Throughput / p.Throughput:0.00} (goal ≥ 1.5 at fixed concurrency), p99 ×{o.P99 / p.P99:0.00} (goal ≤ 0.5), CPU per request ×{o.CpuPer1000 / p.CpuPer1000:0.00} with our worker (goal ≤ 0.33), ×{o.WebhookCpuPer1000 / p.WebhookCpuPer1000:0.00} during the load window only"));
        }

        if (options.NoWorker)
        {
            Console.WriteLine("webhook only: no worker ran, so there is no end-to-end accounting");
            return 0;
        }

        var accounting = await rig.AccountAsync();
        Console.WriteLine("accounting of ours over the whole run:");
        Console.WriteLine(accounting);
        return accounting.ExactlyOnce ? 0 : 1;
    }

    private static async Task MeasureAsync(int drainLimitSeconds, Tally tally, bool ours, bool worker, BotRig rig, PeerProcess peer, Func<Task<PhaseResult>> run, string label)
    {
        ProcessStats Stats() => ours ? rig.Bot.Stats() : peer.Stats();
        await FreshQueuesAsync(rig);
        var before = Stats();
        var result = await run();
        var window = Stats();
        var drained = !ours || !worker || await rig.WaitProcessedAsync(TimeSpan.FromSeconds(drainLimitSeconds));
        var after = Stats();
        tally.Add(result, after.CpuSeconds - before.CpuSeconds, window.CpuSeconds - before.CpuSeconds);
        Console.WriteLine(Inv($"{label}: {result.Requests} requests, {result.Throughput:0} req/s, {result.Summary()}; CPU {window.CpuSeconds - before.CpuSeconds:0.00} s in the window, {after.CpuSeconds - before.CpuSeconds:0.00} s until drained{(drained ? "" : " (NOT drained)")}; {result.StatusText()}"));
    }

    /// <summary>
    /// An empty queue process for the next phase, outside the measured span, with our queues and the peer's created
    /// again. Our phases drain before this; while any of our messages is still queued or poisoned it is not restarted.
    /// </summary>
    private static async Task FreshQueuesAsync(BotRig rig)
    {
        var (queued, poisoned) = await Accounting.QueuesAsync(rig.Storage, rig.Prefix);
        if (queued > 0 || poisoned > 0)
        {
            Console.WriteLine(Inv($"  (queue process not restarted: {queued} of our messages still queued, {poisoned} poisoned)"));
            return;
        }

        if (!await rig.Azurite.RestartQueueServiceAsync())
        {
            // One Azurite process: the tables would go with a restart. The phases then share what the peer left.
            return;
        }

        var service = new Azure.Storage.Queues.QueueServiceClient(rig.Storage);
        var (events, poison) = Accounting.QueueNames(rig.Prefix);
        foreach (var name in new[] { events, poison, PeerProcess.QueueName })
        {
            await service.GetQueueClient(name).CreateIfNotExistsAsync();
        }
    }

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);

    private sealed class Tally
    {
        private readonly List<double> _latencies = [];
        private int _requests;
        private double _seconds;
        private double _cpu;
        private double _windowCpu;

        public double Throughput => _requests / _seconds;
        public double P99 => LatencySummary.Of(_latencies).P99;
        public double CpuPer1000 => 1000 * _cpu / _requests;
        public double WebhookCpuPer1000 => 1000 * _windowCpu / _requests;

        public void Add(PhaseResult result, double cpu, double windowCpu)
        {
            _latencies.AddRange(result.Latencies);
            _requests += result.Requests;
            _seconds += result.Elapsed.TotalSeconds;
            _cpu += cpu;
            _windowCpu += windowCpu;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{_requests} requests, {Throughput:0} req/s, {LatencySummary.Of(_latencies)}, {CpuPer1000:0.000} CPU s per 1,000 requests ({WebhookCpuPer1000:0.000} in the load window)");
    }
}
