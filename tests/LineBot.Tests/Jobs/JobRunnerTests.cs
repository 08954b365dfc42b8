using LineBot.Commands;
using LineBot.Jobs;
using LineBot.Reports;
using LineBot.Tests.Commands;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Jobs;

/// <summary>The jobs over the synthetic province's weeks 0 and 1 (30 Nov – 13 Dec 2026), with a recording pusher.</summary>
public sealed class JobRunnerTests(ProvinceWeeks01 province) : IClassFixture<ProvinceWeeks01>
{
    // Friday 11 Dec 2026, 15:00 Bangkok = 08:00 UTC: the default reminder time.
    private static readonly DateTimeOffset ReminderAt = new(2026, 12, 11, 8, 0, 0, TimeSpan.Zero);

    // Monday 14 Dec 2026, 08:00 Bangkok: the digest of 7–13 Dec.
    private static readonly DateTimeOffset DigestAt = new(2026, 12, 14, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reminder_RunTwice_PushesToTheGroupOnceWithStableKey()
    {
        // Mentions are on by default since issue 13; this test is about the plain reminder.
        var (services, pusher, _) = province.Build(ReminderAt, new Dictionary<string, string?> { ["Bot:MentionMissing"] = "false" });
        await using var _s = services;
        var runner = services.GetRequiredService<JobRunner>();

        var first = await runner.RunAsync("reminder", ReminderAt, dryRun: false, CancellationToken.None);
        var second = await runner.RunAsync("Reminder", ReminderAt.AddMinutes(3), dryRun: false, CancellationToken.None);

        var push = Assert.Single(first.Pushes);
        Assert.Equal("reminder|2026-12-07|Cgroup1", push.LogicalKey);
        Assert.Equal(PushOutcome.Sent, push.Outcome);
        Assert.Equal(PushOutcome.AlreadySent, Assert.Single(second.Pushes).Outcome);
        Assert.Equal(push.LogicalKey, second.Pushes[0].LogicalKey);
        var sent = Assert.Single(pusher.Sent);
        Assert.Equal("Cgroup1", sent.Value.To);
        var text = sent.Value.Messages.AllText();
        // Per district j7 (Wed) and j9 (Tue, Wed, Fri): 22 people, 44 days; nobody mentioned with Bot:MentionMissing off.
        Assert.Contains("ยังขาด 44 วัน จาก 22 คน", text);
        Assert.Contains(Name(6, 9) + ": อ. 8, พ. 9, ศ. 11", text);
        Assert.Contains("กรุณาส่งภายในวันอาทิตย์นี้", text);
        Assert.All(sent.Value.Messages, m => Assert.Empty(m.Mentions));
    }

    [Fact]
    public async Task Reminder_MentionMissingOn_MentionsOnlyThoseMissing()
    {
        var (services, pusher, _) = province.Build(ReminderAt, new Dictionary<string, string?> { ["Bot:MentionMissing"] = "true" });
        await using var _s = services;

        await services.GetRequiredService<JobRunner>().RunAsync("reminder", ReminderAt, dryRun: false, CancellationToken.None);

        var mentions = pusher.Sent.Single().Value.Messages.SelectMany(m => m.Mentions).ToList();
        Assert.Equal(22, mentions.Count);
        Assert.Equal(
            Enumerable.Range(0, Districts.Length).SelectMany(d => new[] { Id(d, 7), Id(d, 9) }).Order(StringComparer.Ordinal),
            mentions.Select(m => m.UserId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Digest_RunTwice_GroupOnceAndEachOfficerOnceWithOwnDistrict()
    {
        var (services, pusher, _) = province.Build(DigestAt);
        await using var _s = services;
        var runner = services.GetRequiredService<JobRunner>();

        var first = await runner.RunAsync("digest", DigestAt, dryRun: false, CancellationToken.None);
        await runner.RunAsync("digest", DigestAt.AddHours(1), dryRun: false, CancellationToken.None);

        Assert.Equal(["digest|2026-12-07|Cgroup1", "digest|2026-12-07|UOFF"], first.Pushes.Select(p => p.LogicalKey));
        Assert.Equal(2, pusher.Sent.Count);
        Assert.Equal(4, pusher.Calls);
        // The province card and 12 district cards: two carousels (LINE allows 12 bubbles in one).
        var pages = pusher.Sent["digest|2026-12-07|Cgroup1"].Messages;
        Assert.Equal([12, 1], pages.Select(p => p.Flex!["contents"]!.AsArray().Count));
        var group = pages[0];
        Assert.Contains("ทั้งจังหวัด: ส่ง 270/314 วัน", group.Text);
        var officer = Assert.Single(pusher.Sent["digest|2026-12-07|UOFF"].Messages);
        Assert.Equal("UOFF", pusher.Sent["digest|2026-12-07|UOFF"].To);
        Assert.Single(officer.Flex!["contents"]!.AsArray());
        Assert.Contains("ส่ง 24/28 วัน", officer.Text);
    }

    [Fact]
    public async Task Digest_QuotaShort_GoesToAdminsAndOfficersOnly_AndStatusShowsIt()
    {
        var (services, pusher, _) = province.Build(DigestAt);
        await using var _s = services;
        pusher.CanAfford = chat => chat != "Cgroup1";

        var result = await services.GetRequiredService<JobRunner>().RunAsync("digest", DigestAt, dryRun: false, CancellationToken.None);
        var status = (await services.SendAsync("Uadmin", "/สถานะ")).AllText();

        Assert.Equal(["UOFF", "Uadmin"], pusher.Sent.Values.Select(v => v.To).Order(StringComparer.Ordinal));
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal("digest|2026-12-07|Cgroup1", shortfall.LogicalKey);
        Assert.Contains("โควตาข้อความไม่พอ: เดือนนี้งดส่งเข้ากลุ่ม 1 ครั้ง", status);
        Assert.Contains("สรุปประจำสัปดาห์ 14 ธ.ค.", status);
    }

    [Fact]
    public async Task DryRun_PushesNothingAndRecordsNothing()
    {
        var (services, pusher, _) = province.Build(ReminderAt);
        await using var _s = services;
        pusher.CanAfford = _ => false;
        var shortfalls = services.GetRequiredService<QuotaShortfallStore>();
        var before = (await shortfalls.ListMonthAsync(ReminderAt, CancellationToken.None)).Count;

        var result = await services.GetRequiredService<JobRunner>().RunAsync("reminder", ReminderAt, dryRun: true, CancellationToken.None);

        Assert.Equal(0, pusher.Calls);
        Assert.Single(result.Shortfalls);
        Assert.Equal(["reminder|2026-12-07|Uadmin", "reminder|2026-12-07|UOFF"], result.Pushes.Select(p => p.LogicalKey));
        Assert.All(result.Pushes, p => Assert.Null(p.Outcome));
        Assert.Equal(before, (await shortfalls.ListMonthAsync(ReminderAt, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Monthly_OnlyOnTheFirstWorkingDay_SendsPlanResultLinksAndTheAdminSummary()
    {
        // Tuesday 1 Dec 2026 is December's first working day; the job covers November (only Mon 30 Nov has reports).
        var firstDay = At(new DateOnly(2026, 12, 1), 8, 30);
        var (services, pusher, _) = province.Build(firstDay);
        await using var _s = services;
        await services.GetRequiredService<MonthlyPlanStore>().SaveAsync(new MonthlyPlan(Id(0, 0), 2026, 11, ["ขุดคลองไส้ไก่", "สร้างโรงเรือนเพาะชำ"]), CancellationToken.None);
        var runner = services.GetRequiredService<JobRunner>();

        var notFirst = await runner.RunAsync("monthly", At(new DateOnly(2026, 12, 2), 8, 30), dryRun: false, CancellationToken.None);
        var result = await runner.RunAsync("monthly", firstDay, dryRun: false, CancellationToken.None);

        Assert.True(notFirst.Skipped);
        Assert.Empty(notFirst.Pushes);
        // 112 reporters with a LINE user ID, the officer's bundle, the admin's summary.
        Assert.Equal(114, result.Pushes.Count);
        var mine = pusher.Sent[$"monthly|2026-11|{Id(0, 0)}|{Id(0, 0)}"].Messages.AllText();
        Assert.Contains("ส่งรายงาน 1/21 วัน", mine);
        Assert.Contains("แผน 2 รายการ ทำแล้ว 1", mine);
        Assert.Contains("http", mine);
        var officer = pusher.Sent["monthly|2026-11|officer|UOFF"].Messages.AllText();
        Assert.Contains(Name(0, 9), officer);
        Assert.DoesNotContain(Name(1, 9), officer);
        var summary = pusher.Sent["monthly|2026-11|summary|Uadmin"].Messages.AllText();
        Assert.Contains("พฤศจิกายน 2569", summary);
        Assert.Contains("อำเภอ" + Districts[3], summary);
    }

    [Fact]
    public async Task Monthly_Rerun_UploadsNoWorkbookAgain_WhenItsPushesAreSent()
    {
        var firstDay = At(new DateOnly(2026, 12, 1), 8, 30);
        var (services, pusher, _) = province.Build(firstDay);
        await using var _s = services;
        var runner = services.GetRequiredService<JobRunner>();
        var container = await services.Storage().ContainerAsync(services.Names().ExportsContainer);
        async Task<int> BlobsAsync()
        {
            var n = 0;
            await foreach (var _ in container.GetBlobsAsync())
            {
                n++;
            }

            return n;
        }

        var before = await BlobsAsync();
        var first = await runner.RunAsync("monthly", firstDay, dryRun: false, CancellationToken.None);
        var afterFirst = await BlobsAsync();
        var second = await runner.RunAsync("monthly", firstDay.AddMinutes(5), dryRun: false, CancellationToken.None);

        // One workbook per field worker (110 in districts + 2 without one), then none.
        Assert.Equal(112, afterFirst - before);
        Assert.Equal(afterFirst, await BlobsAsync());
        Assert.All(first.Pushes, p => Assert.Equal(PushOutcome.Sent, p.Outcome));
        Assert.All(second.Pushes, p => Assert.Equal(PushOutcome.AlreadySent, p.Outcome));
        Assert.Equal(first.Pushes.Count, second.Pushes.Count);
        Assert.Contains("http", pusher.Sent[$"monthly|2026-11|{Id(0, 0)}|{Id(0, 0)}"].Messages.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownJob_Throws()
    {
        var (services, _, _) = province.Build(ReminderAt);
        await using var _s = services;

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<JobRunner>().RunAsync("weekly", ReminderAt, false, CancellationToken.None));
    }
}
