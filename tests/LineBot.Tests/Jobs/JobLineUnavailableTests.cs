using LineBot.Jobs;
using LineBot.Tests.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Jobs;

/// <summary>
/// A job run that meets LINE unavailable stops and leaves the rest pending for its retry; a monthly-limit 429 is a
/// shortfall, and <c>/สถานะ</c> says only what was delivered.
/// </summary>
public sealed class JobLineUnavailableTests(ProvinceWeeks01 province) : IClassFixture<ProvinceWeeks01>
{
    // Monday 14 Dec 2026, 08:00 Bangkok: the digest of 7–13 Dec.
    private static readonly DateTimeOffset DigestAt = new(2026, 12, 14, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Digest_LineUnavailable_RunStopsAtTheFirstPush_RestPending_RetrySendsThem()
    {
        var (services, pusher, _) = province.Build(DigestAt);
        await using var _s = services;
        var runner = services.GetRequiredService<JobRunner>();
        pusher.Answer = _ => PushOutcome.Pending;

        var stopped = await runner.RunAsync("digest", DigestAt, dryRun: false, CancellationToken.None);

        Assert.Equal(1, pusher.Calls);
        Assert.True(stopped.Pushes.Count >= 2);
        Assert.Equal(PushOutcome.Failed, stopped.Pushes[0].Outcome);
        Assert.All(stopped.Pushes.Skip(1), p => Assert.Equal(PushOutcome.Pending, p.Outcome));
        Assert.Equal(stopped.Pushes.Count - 1, stopped.PendingPushes);
        Assert.Equal(stopped.Pushes.Count, stopped.FailedPushes);
        Assert.Empty(stopped.Shortfalls);

        pusher.Answer = _ => null;
        var retried = await runner.RunAsync("digest", DigestAt.AddMinutes(5), dryRun: false, CancellationToken.None);

        Assert.All(retried.Pushes, p => Assert.Equal(PushOutcome.Sent, p.Outcome));
        Assert.Equal(stopped.Pushes.Select(p => p.LogicalKey), retried.Pushes.Select(p => p.LogicalKey));
    }

    [Fact]
    public async Task Reminder_MonthlyLimit429_RecordedAsShortfall_StatusSaysNothingWasDeliveredInstead()
    {
        var at = new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero);
        var (services, pusher, _) = province.Build(at);
        await using var _s = services;
        pusher.Answer = _ => PushOutcome.QuotaExceeded;

        var result = await services.GetRequiredService<JobRunner>().RunAsync("reminder", at, dryRun: false, CancellationToken.None);
        var status = (await services.SendAsync(SeededProvince.Admin, "/สถานะ")).AllText();

        Assert.Equal(1, pusher.Calls);
        var group = Assert.Single(result.Shortfalls, s => s.GroupId == SeededProvince.Group);
        Assert.Equal((QuotaShortfall.MonthlyLimit, 0), (group.Reason, group.DeliveredInstead));
        Assert.Contains(result.Shortfalls, s => s.GroupId == SeededProvince.Admin && s.Reason == QuotaShortfall.MonthlyLimit);
        var stored = await services.GetRequiredService<QuotaShortfallStore>().ListMonthAsync(at, CancellationToken.None);
        Assert.Contains(stored, s => s.LogicalKey == group.LogicalKey && s.DeliveredInstead == 0);
        Assert.Contains("โควตาข้อความไม่พอ: เดือนนี้งดส่งเข้ากลุ่ม 1 ครั้ง (ส่งแทนถึงผู้ดูแลและเจ้าหน้าที่ไม่สำเร็จ)", status);
        Assert.DoesNotContain("(ส่งถึงผู้ดูแลและเจ้าหน้าที่แทน)", status);
    }
}

/// <summary>Events in the poison queue are named to admins in <c>/สถานะ</c> and the weekly digest, with the replay command.</summary>
public sealed class PoisonReportedTests(ProvinceWeeks01 province) : IClassFixture<ProvinceWeeks01>
{
    private static readonly DateTimeOffset DigestAt = new(2026, 12, 14, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PoisonWaiting_StatusAndDigestTellAdminsOnly_WithReplayCommand()
    {
        var (services, pusher, _) = province.Build(DigestAt);
        await using var _s = services;
        var storage = services.GetRequiredService<LineBot.Storage.StorageClients>();
        var names = services.GetRequiredService<LineBot.Storage.StorageNames>();
        await (await storage.QueueAsync(names.EventsPoisonQueue)).SendMessageAsync("""{"kind":"event","blobName":"claims/lost.json"}""");

        var admin = (await services.SendAsync(SeededProvince.Admin, "/สถานะ")).AllText();
        var officer = (await services.SendAsync(SeededProvince.Officer, "/สถานะ")).AllText();
        await services.GetRequiredService<JobRunner>().RunAsync("digest", DigestAt, dryRun: false, CancellationToken.None);

        Assert.Contains("ค้างอยู่ 1 รายการ", admin);
        Assert.Contains("linebot events replay-poison", admin);
        Assert.DoesNotContain("replay-poison", officer);
        var notice = pusher.Sent["digest-poison|2026-12-07|" + SeededProvince.Admin];
        Assert.Equal(SeededProvince.Admin, notice.To);
        Assert.Contains("linebot events replay-poison", Assert.Single(notice.Messages).Text);
    }
}
