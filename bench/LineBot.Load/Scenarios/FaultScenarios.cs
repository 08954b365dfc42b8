using System.Diagnostics;
using LineBot.Load.Rig;

namespace LineBot.Load.Scenarios;

/// <summary>
/// <c>faults storage|kill|line|quota</c>: the realistic mix at a steady rate while one thing breaks, sent by a
/// LINE-like sender (every non-2xx or unanswered request is redelivered with the same events and
/// <c>isRedelivery: true</c>), then the accounting: nothing lost, nothing applied twice.
/// </summary>
internal static class FaultScenarios
{
    /// <summary>Azurite stopped for 10 s during the load, then started again with its data.</summary>
    public static async Task<int> StorageOutageAsync(Options options)
    {
        await using var rig = await BotRig.StartAsync(options.Dll, persistentStorage: true, seed: options.Seed, singleAzurite: options.SingleAzurite);
        Print($"storage outage: {options.Seconds} s at {options.Rate} req/s; Azurite (every process) stopped from 5 s to 15 s");
        var load = LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, options.Rate, TimeSpan.FromSeconds(options.Seconds));
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await rig.Azurite.StopAsync();
        var stoppedAt = clock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(10));
        await rig.Azurite.StartAgainAsync();
        var restartedAt = clock.Elapsed.TotalSeconds;
        var result = await load;
        var during = result.Timeline.Where(t => t.DueSeconds >= stoppedAt && t.DueSeconds < restartedAt).ToArray();
        Print($"storage down {stoppedAt:0.0}–{restartedAt:0.0} s: {during.Length} requests due, answered {Statuses(during)}");
        Print($"whole load: {result.StatusText()}; ack {result.Summary()}");
        return await SettleAsync(rig, options, clock);
    }

    /// <summary>The bot killed (SIGKILL) halfway through the load and started again at once.</summary>
    public static async Task<int> KillAsync(Options options)
    {
        await using var rig = await BotRig.StartAsync(options.Dll, seed: options.Seed, singleAzurite: options.SingleAzurite);
        Print($"kill: {options.Seconds} s at {options.Rate} req/s; linebot serve SIGKILLed at {options.Seconds / 2} s and started again");
        var load = LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, options.Rate, TimeSpan.FromSeconds(options.Seconds));
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds / 2.0));
        var doneBefore = await Accounting.DoneCountAsync(rig.Storage, rig.Prefix);
        rig.Bot.Kill();
        var killedAt = clock.Elapsed.TotalSeconds;
        // Claimed but not done when the process died: these wait for their claim's lease and queue visibility to lapse.
        var halfDone = await Accounting.InProgressIdsAsync(rig.Storage, rig.Prefix);
        await rig.Bot.StartAgainAsync();
        var restartedAt = clock.Elapsed.TotalSeconds;
        Print($"killed at {killedAt:0.0} s with {rig.Mix.Ledger.Count - doneBefore} events not yet done, {halfDone.Count} of them half-done (claimed); answering again at {restartedAt:0.0} s");
        var waits = WatchTakeOverAsync(rig, halfDone, clock, killedAt, TimeSpan.FromSeconds(options.DrainLimitSeconds));
        var result = await load;
        Print($"whole load: {result.StatusText()}; ack {result.Summary()}");
        var code = await SettleAsync(rig, options, clock);
        var waited = (await waits).Order().ToList();
        if (waited.Count == 0)
        {
            Print($"half-done events: none done after the kill ({halfDone.Count} were claimed)");
        }
        else
        {
            Print($"half-done events: {waited.Count} of {halfDone.Count} done after the kill; waited {waited[0]:0.0} s (first), {waited[waited.Count / 2]:0.0} s (median), {waited[^1]:0.0} s (last) from the kill");
        }
        return code;
    }

    /// <summary>Seconds from the kill until each half-done event's claim is done (polled every second).</summary>
    private static async Task<List<double>> WatchTakeOverAsync(BotRig rig, HashSet<string> halfDone, Stopwatch clock, double killedAt, TimeSpan limit)
    {
        var waits = new List<double>();
        var pending = new HashSet<string>(halfDone, StringComparer.Ordinal);
        var until = clock.Elapsed + limit;
        while (pending.Count > 0 && clock.Elapsed < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var done = await Accounting.DoneIdsAsync(rig.Storage, rig.Prefix);
            foreach (var id in pending.Where(done.Contains).ToList())
            {
                pending.Remove(id);
                waits.Add(clock.Elapsed.TotalSeconds - killedAt);
            }
        }

        return waits;
    }

    /// <summary>The fake LINE fails 30% of calls (500, transient 429, a 5 s hang, a reset); a digest job runs meanwhile.</summary>
    public static async Task<int> LineFailuresAsync(Options options)
    {
        await using var rig = await BotRig.StartAsync(options.Dll, seed: options.Seed, singleAzurite: options.SingleAzurite);
        rig.Line.FaultRate = 0.30;
        Print($"LINE failing 30% of calls: {options.Seconds} s at {options.Rate} req/s, then `linebot jobs run digest` twice");
        var clock = Stopwatch.StartNew();
        var result = await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, options.Rate, TimeSpan.FromSeconds(options.Seconds));
        Print($"whole load: {result.StatusText()}; ack {result.Summary()}");
        var first = await rig.Bot.RunCliAsync("jobs", "run", "digest");
        var second = await rig.Bot.RunCliAsync("jobs", "run", "digest");
        Print($"digest job: exit {first}, rerun exit {second}");
        var code = await SettleAsync(rig, options, clock);
        var faults = rig.Line.FaultCounts();
        Print($"faults injected: {string.Join(", ", faults.Select(f => $"{f.Key} {f.Value}"))} of {rig.Line.Calls} calls");
        var pushes = rig.Line.PushesByKey.Count;
        var attempts = rig.Line.PushAttemptsByKey.Values.Sum();
        Print($"pushes: {pushes} retry keys delivered once each (a repeat of an accepted key is refused 409), {attempts} attempts, {rig.Line.PushesWithoutKey} pushes without a retry key");
        // Both ways the bot records a reply it could not give: "not delivered" (token expired or refused, no push
        // allowed) and "reply failed" (LINE still failing after the retries).
        var undeliverable = CountLines(rig.Bot.LogPath, "not delivered") + CountLines(rig.Bot.LogPath, "reply failed (");
        var accounting = await rig.AccountAsync();
        Print($"replies: {accounting.Replied} sent once, {accounting.Unreplied} not sent; {undeliverable} log lines record a reply as not delivered (with the reason)");
        return code;
    }

    /// <summary>LINE answers every push with the monthly-limit 429: no retries, one word to admins and officers, /สถานะ says so.</summary>
    public static async Task<int> QuotaAsync(Options options)
    {
        await using var rig = await BotRig.StartAsync(options.Dll, seed: options.Seed, singleAzurite: options.SingleAzurite);
        var clock = Stopwatch.StartNew();
        await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 20, TimeSpan.FromSeconds(5));
        rig.Line.QuotaExhausted = true;
        var exit = await rig.Bot.RunCliAsync("jobs", "run", "digest");
        Print($"monthly quota used up; digest job exit {exit}: {rig.Line.QuotaRefusals} pushes refused with \"{FakeLine.MonthlyLimitMessage}\", {rig.Line.PushAttemptsByKey.Count} retry keys, {rig.Line.PushAttemptsByKey.Values.Count(n => n > 1)} of them tried more than once");
        var status = rig.Mix.TextFrom(BotProcess.AdminUserId, "/สถานะ", LoadRunner.Now());
        await rig.Sender.SendAsync(status, redeliverOnFailure: true);
        await rig.WaitProcessedAsync(TimeSpan.FromSeconds(60));
        var token = status.Events[0]["replyToken"]!.GetValue<string>();
        var reply = rig.Line.ReplyTextByToken.TryGetValue(token, out var text) ? text : "(no reply)";
        var mentionsQuota = reply.Contains("โควตา", StringComparison.Ordinal) || reply.Contains("quota", StringComparison.OrdinalIgnoreCase);
        Print($"/สถานะ from an admin {(mentionsQuota ? "shows" : "does NOT show")} the quota: {Shorten(reply)}");
        var toAdmins = rig.Line.PushTexts.Count(p => p.To.Contains(BotProcess.AdminUserId, StringComparison.Ordinal));
        Print($"messages accepted for the admin while the quota was out: {toAdmins}");
        var code = await SettleAsync(rig, options, clock);
        return code == 0 && mentionsQuota && rig.Line.PushAttemptsByKey.Values.All(n => n == 1) ? 0 : 1;
    }

    private static async Task<int> SettleAsync(BotRig rig, Options options, Stopwatch clock)
    {
        await rig.Sender.DrainRedeliveriesAsync(TimeSpan.FromSeconds(120));
        Print($"LINE-like sender: {rig.Sender.Redelivered} redeliveries, {rig.Sender.Abandoned} requests given up");
        var start = clock.Elapsed.TotalSeconds;
        var drained = await rig.WaitProcessedAsync(TimeSpan.FromSeconds(options.DrainLimitSeconds), queued => Print($"  waiting… {queued} messages on the queue"));
        Print($"{(drained ? "all events done" : "NOT all events done")} {clock.Elapsed.TotalSeconds - start:0.0} s after the load ended");
        var accounting = await rig.AccountAsync();
        Console.WriteLine("accounting:");
        Console.WriteLine(accounting);
        var leaks = LogScan.Leaks([rig.Bot.LogPath]);
        Print($"log scan: {leaks.Count} lines with the secret, the access token or message text");
        return accounting.ExactlyOnce && accounting.Poisoned == 0 && drained && leaks.Count == 0 ? 0 : 1;
    }

    private static string Statuses(IEnumerable<(double DueSeconds, int Status)> timeline) =>
        string.Join(", ", timeline.GroupBy(t => t.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count()}"));

    private static int CountLines(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static void Print(FormattableString text) => Console.WriteLine(FormattableString.Invariant(text));
}
