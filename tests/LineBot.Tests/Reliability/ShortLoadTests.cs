using LineBot.Load;
using LineBot.Load.Rig;
using LineBot.Load.Scenarios;

namespace LineBot.Tests.Reliability;

/// <summary>
/// CI-size versions of <c>bench/LineBot.Load load</c>, <c>worker</c> and <c>faults …</c> (docs/reliability.md has the long runs):
/// a few hundred requests of the realistic mix, sent the way LINE sends them, then the end-to-end accounting.
/// </summary>
[Collection(nameof(ProcessRigs))]
public sealed class ShortLoadTests
{
    [Fact]
    public async Task Load_RealisticMix_EveryEventProcessedOnce_AndNoSecretOrTextInLogs()
    {
        await using var rig = await Rigs.StartAsync();
        var result = await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 50, TimeSpan.FromSeconds(4));

        Assert.Equal(result.Requests, result.Ok);
        var drained = await rig.WaitProcessedAsync(TimeSpan.FromSeconds(120));
        var accounting = await rig.AccountAsync();
        Assert.True(drained, "the worker did not drain the backlog:\n" + accounting);
        Assert.True(accounting.ExactlyOnce, accounting.ToString());
        Assert.Equal(accounting.RepliesExpected, accounting.Replied);
        Assert.Empty(LogScan.Leaks([rig.Bot.LogPath]));
    }

    [Fact]
    public async Task WorkerAlone_OverABacklogTheWebhookAloneQueued_StoresAndRepliesEveryReportOnce()
    {
        await using var rig = await Rigs.StartAsync(seed: 4);
        var peak = await WorkerScenario.RunPeakAsync(rig, reporters: 120, rate: 60, TimeSpan.FromSeconds(120), _ => { });

        Assert.NotNull(peak);
        Assert.True(peak.Drained, "the worker alone did not finish the backlog:\n" + peak.Accounting);
        Assert.True(peak.QueueMessages > 0, "the webhook alone processed nothing, so the backlog was queued");
        // Yesterday's and today's report of each reporter: two current rows each, every one replied once.
        Assert.Equal(240, peak.Accounting.Reports);
        Assert.True(peak.Accounting.ExactlyOnce, peak.Accounting.ToString());
        Assert.Equal(peak.Accounting.RepliesExpected, peak.Accounting.Replied);
    }

    [Fact]
    public async Task StorageOutage_Answers503Meanwhile_AndRedeliveriesEndProcessedOnce()
    {
        await using var rig = await Rigs.StartAsync(persistentStorage: true, seed: 2);
        var load = LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 20, TimeSpan.FromSeconds(8));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await rig.Azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await rig.Azurite.StartAgainAsync();
        var result = await load;

        Assert.Contains(503, result.Statuses.Keys);
        Assert.DoesNotContain(result.Statuses.Keys, s => s is 500 or 502 or 504);
        await rig.Sender.DrainRedeliveriesAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, rig.Sender.Abandoned);
        var drained = await rig.WaitProcessedAsync(TimeSpan.FromSeconds(180));
        var accounting = await rig.AccountAsync();
        Assert.True(drained, "not every event was processed after the outage:\n" + accounting);
        Assert.True(accounting.ExactlyOnce, accounting.ToString());
        Assert.Equal(0, accounting.Poisoned);
    }

    [Fact]
    public async Task LineFailing30Percent_NoReplyTwice_NothingPoisoned_NoWorkerStuck()
    {
        // Shipped timing compressed 15×, ratios kept: a failed message waits twice the breaker's break (30 s : 15 s).
        await using var rig = await Rigs.StartAsync(seed: 3, settings: new()
        {
            ["Worker:RetryDelay"] = "00:00:02",
            ["Line:Http:BreakDuration"] = "00:00:01",
            ["Line:Http:RetryBaseDelay"] = "00:00:00.100",
            ["Line:Http:AttemptTimeout"] = "00:00:02",
        });
        rig.Line.FaultRate = 0.30;
        rig.Line.HangTime = TimeSpan.FromSeconds(1);
        var result = await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 20, TimeSpan.FromSeconds(4));

        Assert.Equal(result.Requests, result.Ok);
        var drained = await rig.WaitProcessedAsync(TimeSpan.FromSeconds(180));
        var accounting = await rig.AccountAsync();
        Assert.True(drained, "a worker is stuck or events were lost:\n" + accounting);
        Assert.True(accounting.ExactlyOnce, accounting.ToString());
        Assert.Equal(0, accounting.Poisoned);
        Assert.NotEmpty(rig.Line.FaultCounts());
    }
}

[CollectionDefinition(nameof(ProcessRigs), DisableParallelization = true)]
public sealed class ProcessRigs;
