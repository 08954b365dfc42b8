using LineBot.Load;
using LineBot.Load.Rig;

namespace LineBot.Tests.Reliability;

/// <summary>CI-size versions of <c>faults kill</c> and <c>faults quota</c> (docs/reliability.md).</summary>
[Collection(nameof(ProcessRigs))]
public sealed class CrashAndQuotaTests
{
    [Fact]
    public async Task Killed_MidProcessing_QueuedWorkResumes_NothingLostOrDoubled()
    {
        await using var rig = await Rigs.StartAsync(seed: 6, settings: new() { ["Worker:VisibilityTimeout"] = "00:00:05" });
        var load = LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 30, TimeSpan.FromSeconds(6));
        await Task.Delay(TimeSpan.FromSeconds(3));
        rig.Bot.Kill();
        await rig.Bot.StartAgainAsync();
        await load;

        await rig.Sender.DrainRedeliveriesAsync(TimeSpan.FromSeconds(60));
        var drained = await rig.WaitProcessedAsync(TimeSpan.FromSeconds(120));
        var accounting = await rig.AccountAsync();
        Assert.True(drained, "queued work did not resume after the kill:\n" + accounting);
        Assert.True(accounting.ExactlyOnce, accounting.ToString());
        Assert.Equal(0, accounting.Poisoned);
    }

    [Fact]
    public async Task MonthlyQuotaExhausted_NotRetried_AndStatusShowsIt()
    {
        await using var rig = await Rigs.StartAsync(seed: 7);
        await LoadRunner.AtRateAsync(rig.Sender, rig.Mix.Next, 10, TimeSpan.FromSeconds(2));
        Assert.True(await rig.WaitProcessedAsync(TimeSpan.FromSeconds(60)));
        rig.Line.QuotaExhausted = true;

        await rig.Bot.RunCliAsync("jobs", "run", "digest");
        Assert.True(rig.Line.QuotaRefusals > 0, "the digest job pushed nothing");
        Assert.All(rig.Line.PushAttemptsByKey, p => Assert.True(p.Value == 1, $"{p.Key} tried {p.Value} times"));

        var status = rig.Mix.TextFrom(BotProcess.AdminUserId, "/สถานะ", LoadRunner.Now());
        Assert.Equal(200, await rig.Sender.SendAsync(status, redeliverOnFailure: false));
        Assert.True(await rig.WaitProcessedAsync(TimeSpan.FromSeconds(60)));
        Assert.True(rig.Line.ReplyTextByToken.TryGetValue(status.Events[0]["replyToken"]!.GetValue<string>(), out var reply), "no reply to /สถานะ");
        Assert.Contains("โควตา", reply, StringComparison.Ordinal);
    }
}
