using LineBot.Commands;
using LineBot.Reporters;
using LineBot.Tests.Digests;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Commands;

/// <summary>
/// Read-only commands over the synthetic province's week 1 (Mon 7 and Thu 10 Dec are holidays, j8 on leave Tue–Wed,
/// j7 never reports on Wednesdays, j9 never reports), asked on Friday 11 Dec 2026 at 17:00 Bangkok.
/// Per district that week: 3 working days; 10 × 3 − 2 (leave) = 28 reporter-days expected, 28 − 3 (j9) − 1 (j7) = 24 received.
/// </summary>
public sealed class CommandRouterTests(ProvinceWeek1 province) : IClassFixture<ProvinceWeek1>
{
    private static readonly DateTimeOffset FridayEvening = At(new DateOnly(2026, 12, 11), 17);

    [Fact]
    public async Task Status_Admin_ShowsTodayAndWeekPerDistrictWithExactNumbers()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        var text = (await services.SendAsync(SeededProvince.Admin, "/สถานะ")).AllText();

        // Today: 9 of 10 per district (j9 never reports) + the 2 without a district: 11 × 9 + 2 = 101 of 112.
        Assert.Contains("วันนี้: ส่งแล้ว 101/112 คน", text);
        // Week: 11 × 24 + 2 × 3 = 270 of 11 × 28 + 6 = 314 (86%).
        Assert.Contains("ส่ง 270/314 วัน (86%)", text);
        foreach (var district in Districts)
        {
            Assert.Contains($"- {district}: 9/10 · 24/28", text);
        }

        Assert.Contains("- ไม่ระบุอำเภอ: 2/2 · 6/6", text);
        Assert.DoesNotContain("โควตา", text);
    }

    [Fact]
    public async Task Status_Officer_SeesOnlyTheirDistrict()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        var text = (await services.SendAsync(SeededProvince.Officer, "/status")).AllText();

        Assert.Contains("วันนี้: ส่งแล้ว 9/10 คน", text);
        Assert.Contains("ส่ง 24/28 วัน", text);
        Assert.Contains($"- {Districts[0]}: 9/10 · 24/28", text);
        Assert.DoesNotContain(Districts[1], text);
    }

    [Fact]
    public async Task Missing_Today_ListsTheOneAbsentReporterPerDistrict()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        var text = (await services.SendAsync(SeededProvince.Admin, "/ยังไม่ส่ง วันนี้")).AllText();

        Assert.Contains("11 คน 11 วัน", text);
        for (var d = 0; d < Districts.Length; d++)
        {
            Assert.Contains(Name(d, 9) + ": ศ. 11", text);
            Assert.DoesNotContain(Name(d, 7), text);
        }
    }

    [Fact]
    public async Task Missing_Week_ListsJ7WednesdayAndJ9EveryDay()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        var text = (await services.SendAsync(SeededProvince.Admin, "/ยังไม่ส่ง สัปดาห์")).AllText();

        // 2 per district: j7 (Wed 9) and j9 (Tue 8, Wed 9, Fri 11) = 22 people, 44 days; j8's leave is not missing.
        Assert.Contains("22 คน 44 วัน", text);
        Assert.Contains(Name(3, 7) + ": พ. 9", text);
        Assert.Contains(Name(3, 9) + ": อ. 8, พ. 9, ศ. 11", text);
        Assert.DoesNotContain(Name(3, 8), text);
    }

    [Fact]
    public async Task Missing_OfficerAskingForAnotherDistrict_IsRefusedPolitely()
    {
        var logs = new Infrastructure.CapturedLogs();
        var (services, _, _) = province.Build(FridayEvening, configure: s => s.AddLogging(b => b.AddProvider(logs)));
        await using var _s = services;

        var own = (await services.SendAsync(SeededProvince.Officer, "/ยังไม่ส่ง")).AllText();
        var other = (await services.SendAsync(SeededProvince.Officer, "/ยังไม่ส่ง อ.บางคล้า")).AllText();

        Assert.Contains("2 คน 4 วัน", own);
        Assert.Contains(Name(0, 9), own);
        Assert.DoesNotContain(Name(1, 9), own);
        Assert.Equal(CommandReplies.OtherDistrictRefused, other);
        Assert.Equal(1, logs.Count(6002));
    }

    [Fact]
    public async Task AdminCommand_FromReporter_IsRefusedAndLogged()
    {
        var logs = new Infrastructure.CapturedLogs();
        var (services, _, _) = province.Build(FridayEvening, configure: s => s.AddLogging(b => b.AddProvider(logs)));
        await using var _s = services;

        var status = await services.SendAsync(Id(2, 3), "/สถานะ");
        var officer = await services.SendAsync(Id(2, 3), "/เจ้าหน้าที่ อ.บางคล้า", new Mention(Id(2, 4)));
        var stranger = await services.SendAsync("Unobody", "/ส่งออก");

        Assert.Equal(CommandReplies.Refused, status.AllText());
        // An admin-only command says so (issue 13: refusals name the role the command needs).
        Assert.Equal(CommandReplies.AdminOnly, officer.AllText());
        Assert.Equal(CommandReplies.Refused, stranger.AllText());
        Assert.Equal(3, logs.Count(6002));
        Assert.Equal(ReporterRole.Reporter, (await services.GetRequiredService<ReporterStore>().GetAsync(Id(2, 4), CancellationToken.None))!.Role);
    }

    [Fact]
    public async Task UnknownCommand_GetsHelpForTheSendersRole()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        var reporter = (await services.SendAsync(Id(2, 3), "/ไม่มีคำสั่งนี้")).AllText();
        var officer = (await services.SendAsync(SeededProvince.Officer, "/xyz")).AllText();
        var admin = (await services.SendAsync(SeededProvince.Admin, "/help")).AllText();

        Assert.Contains("/ของฉัน", reporter);
        Assert.Contains("/ลา", reporter);
        Assert.DoesNotContain("/สถานะ", reporter);
        Assert.Contains("/สถานะ", officer);
        Assert.DoesNotContain("/เจ้าหน้าที่", officer);
        Assert.Contains("/เจ้าหน้าที่", admin);
    }

    [Fact]
    public async Task Mine_Reporter_SeesOwnDaysAndGaps()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        var text = (await services.SendAsync(Id(4, 7), "/ของฉัน")).AllText();

        Assert.Contains(Name(4, 7), text);
        Assert.Contains("ส่งแล้ว 2 วัน: อ. 8, ศ. 11", text);
        Assert.Contains("ยังขาด: พ. 9", text);
    }

    [Fact]
    public async Task Digest_Admin_IsProvinceCardThenTwelveDistrictBubbles_OfficerGetsOneBubble()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        // The province card opens the carousel, so 12 districts take two carousels (LINE allows 12 bubbles in one).
        var pages = await services.SendAsync(SeededProvince.Admin, "/สรุป สัปดาห์");
        var admin = pages[0];
        var officer = Assert.Single(await services.SendAsync(SeededProvince.Officer, "/สรุป"));

        Assert.Equal(2, pages.Count);
        Assert.Equal("carousel", admin.Flex!["type"]!.GetValue<string>());
        Assert.Equal(13, pages.Sum(p => p.Flex!["contents"]!.AsArray().Count));
        Assert.Equal(LineBot.Digests.WeeklyDigestCalculator.ProvinceName, admin.Flex["contents"]![0]!["header"]!["contents"]![0]!["text"]!.GetValue<string>());
        Assert.True(admin.Text.Length <= LineBot.Line.BotMessage.MaxAltTextLength);
        Assert.Contains("ทั้งจังหวัด: ส่ง 270/314 วัน", admin.Text);
        Assert.Single(officer.Flex!["contents"]!.AsArray());
        Assert.Contains("ส่ง 24/28 วัน", officer.Text);
        // The officer's headline is their district; the province line under it is the province's own.
        Assert.Contains($"อำเภอ{Districts[0]}: ส่ง 24/28 วัน", officer.Text);
        Assert.Contains("ทั้งจังหวัด: ส่ง 270/314 วัน", officer.Text);
        foreach (var m in pages.Append(officer))
        {
            var message = new System.Text.Json.Nodes.JsonObject { ["type"] = "flex", ["altText"] = m.Text, ["contents"] = m.Flex!.DeepClone() };
            Assert.Empty(FlexSchema.Load().Validate(message));
        }
    }

    [Fact]
    public async Task Digest_Month_SumsTheMonthsDaysPerDistrict()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        var text = (await services.SendAsync(SeededProvince.Admin, $"/สรุป เดือน อ.{Districts[5]}")).AllText();

        // Only week 1 is stored: 1–4 Dec count as expected with no reports (4 × 10 − 0 leave = 40 more expected).
        Assert.Contains("อำเภอ" + Districts[5], text);
        Assert.Contains("ส่ง 24/68 วัน", text);
        Assert.Contains($"น้ำท่วมแปลง {Districts[5]} วันที่ 08/12", text);
    }

    [Fact]
    public async Task Roster_Officer_ListsTheirReportersWithLastReportDate()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;
        // The text handler touches the profile on each report; here once, by hand.
        await services.GetRequiredService<ReporterStore>().TouchLastReportAsync(Id(0, 3), new DateOnly(2026, 12, 11), CancellationToken.None);

        var text = (await services.SendAsync(SeededProvince.Officer, "/ผู้รายงาน")).AllText();

        Assert.Contains("ผู้รายงาน 10 คน", text);
        Assert.Contains(Name(0, 3) + ": ส่งล่าสุด 11 ธ.ค. 2569", text);
        Assert.Contains(Name(0, 9) + ": ยังไม่เคยส่ง", text);
        Assert.DoesNotContain(Name(1, 9), text);
        Assert.Contains("เจ้าหน้าที่อำเภอ", text);
    }

    [Fact]
    public async Task Export_Officer_GetsAnXlsxLinkForTheirDistrict()
    {
        var (services, _, _) = province.Build(FridayEvening);
        await using var _s = services;

        var text = (await services.SendAsync(SeededProvince.Officer, "/ส่งออก สัปดาห์")).AllText();

        Assert.Contains("อำเภอ" + Districts[0], text);
        Assert.Single(text.Split('\n'), l => l.StartsWith("http", StringComparison.Ordinal));
        // The SAS link is signed for the fake clock's December, so read the blob with the account key instead.
        var container = await services.Storage().ContainerAsync(services.Names().ExportsContainer);
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync())
        {
            names.Add(item.Name);
        }

        var name = Assert.Single(names, n => n.EndsWith($"รายงานสัปดาห์-2026-12-07-{Districts[0]}.xlsx", StringComparison.Ordinal));
        var bytes = (await container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }
}
