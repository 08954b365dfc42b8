using LineBot.Calendar;
using LineBot.Groups;
using LineBot.Jobs;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Tests.Commands;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Reporters;

/// <summary>
/// A small synthetic province for November 2026, worked out by hand: the bot joined the group on Mon 2 Nov; Thu 19 Nov
/// is a provincial day off. Three districts:
/// - บางคล้า: เอหนึ่ง (from 2 Nov, reports every working day) and เอสอง (enrolled Wed 18 Nov, reports only that day);
/// - บางปะกง: บีหนึ่ง (from 2 Nov, never posts) and บีสอง (from 2 Nov, left the group Wed 18 Nov, so owes through Tue 17;
///   reports every working day up to Mon 16);
/// - พนมสารคาม: ซีหนึ่ง (from 2 Nov, on leave Fri 20 Nov, reports every other working day).
/// Week 16–22 Nov has 4 working days (Mon, Tue, Wed, Fri). Owed / received that week: เอหนึ่ง 4/4, เอสอง 2/1 (Fri 20
/// missing), บีหนึ่ง 4/0 (all four missing), บีสอง 2/1 (Tue 17 missing), ซีหนึ่ง 3/3: province 15 owed, 9 received
/// (60%), 6 days missing from 3 people. November has 20 working days: owed / received เอหนึ่ง 20/20, เอสอง 8/1 (18, 20,
/// 23–27, 30), บีหนึ่ง 20/0, บีสอง 12/11 (2–6, 9–13, 16, 17), ซีหนึ่ง 19/19: 79 owed, 51 received (65%), 5 reporters.
/// </summary>
public sealed class OwedDaysProvinceTests
{
    private const string Admin = "Uadmin";
    private const string Officer = "Uofficer";
    private const string Group = "Cgroup1";

    private static readonly DateOnly Holiday = new(2026, 11, 19);

    private static readonly (string Id, string Name, string District, DateOnly Start, DateOnly? End)[] People =
    [
        ("Ua1", "นายเอ หนึ่ง", "บางคล้า", new(2026, 11, 2), null),
        ("Ua2", "นางเอ สอง", "บางคล้า", new(2026, 11, 18), null),
        ("Ub1", "นายบี หนึ่ง", "บางปะกง", new(2026, 11, 2), null),
        ("Ub2", "นางบี สอง", "บางปะกง", new(2026, 11, 2), new(2026, 11, 17)),
        ("Uc1", "นายซี หนึ่ง", "พนมสารคาม", new(2026, 11, 2), null),
    ];

    private static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(7));

    private static bool Sends(string id, DateOnly date) => id switch
    {
        "Ua1" => true,
        "Ua2" => date == new DateOnly(2026, 11, 18),
        "Ub1" => false,
        "Ub2" => date <= new DateOnly(2026, 11, 16),
        "Uc1" => date != new DateOnly(2026, 11, 20),
        _ => false,
    };

    private static async Task<(ServiceProvider Services, RecordingPusher Pusher, FakeTimeProvider Time)> SeedAsync(DateTimeOffset goLive)
    {
        var time = new FakeTimeProvider(goLive);
        var pusher = new RecordingPusher(time);
        var services = CoreServices.Build(
            new Dictionary<string, string?> { ["Bot:AdminUserIds:0"] = Admin, ["Bot:GroupIds:0"] = Group },
            configure: s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IBotPusher>(pusher);
            });
        await services.GetRequiredService<GroupStore>().SetGroupAsync(Group, active: true, goLive, CancellationToken.None);
        await services.GetRequiredService<HolidayStore>().AddAsync(Holiday, "วันหยุดพิเศษของจังหวัด", Admin, CancellationToken.None);
        await services.GetRequiredService<LeaveStore>().AddAsync(new LeaveEntry("Uc1", new(2026, 11, 20), new(2026, 11, 20)) { ReporterName = "นายซี หนึ่ง" }, CancellationToken.None);
        var reporters = services.GetRequiredService<ReporterStore>();
        foreach (var p in People)
        {
            await reporters.SaveAsync(new Reporter { Id = p.Id, Name = p.Name, UserId = p.Id, District = p.District, StartDate = p.Start, EndDate = p.End }, CancellationToken.None);
        }

        await reporters.SaveAsync(new Reporter { Id = Officer, Name = "นางเจ้าหน้าที่ บางคล้า", UserId = Officer, Role = ReporterRole.Officer, OfficerDistrict = "บางคล้า", District = "บางคล้า" }, CancellationToken.None);
        var store = services.GetRequiredService<ReportStore>();
        for (var date = new DateOnly(2026, 11, 2); date <= new DateOnly(2026, 11, 30); date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || date == Holiday)
            {
                continue;
            }

            foreach (var p in People.Where(p => Sends(p.Id, date)))
            {
                var report = new DailyReport
                {
                    GroupId = Group,
                    ReporterId = p.Id,
                    ReporterName = p.Name,
                    Date = date,
                    Site = new(null, null, p.District, null),
                    Activities = ["ปลูกผักสวนครัว"],
                    MessageId = $"m-{p.Id}-{date:yyyyMMdd}",
                    ReceivedAt = At(date, 12),
                };
                await store.SaveAsync(report, report.ReceivedAt.ToUnixTimeMilliseconds(), CancellationToken.None);
            }
        }

        return (services, pusher, time);
    }

    [Fact]
    public async Task Week_Digest_Reminder_Missing_AndMonth_AgreeWithTheNumbersWorkedOutByHand()
    {
        var (services, pusher, time) = await SeedAsync(At(new(2026, 11, 2), 8));
        await using var _s = services;
        var runner = services.GetRequiredService<JobRunner>();

        // Friday 20 Nov, 15:00: the reminder counts Mon–Fri (the whole working week).
        var reminderAt = At(new(2026, 11, 20), 15);
        time.SetUtcNow(reminderAt);
        await runner.RunAsync("reminder", reminderAt, dryRun: false, CancellationToken.None);
        var reminder = pusher.Sent[$"reminder|2026-11-16|{Group}"].Messages.AllText();
        Assert.Contains("ยังขาด 6 วัน จาก 3 คน", reminder);
        Assert.Contains("- นายบี หนึ่ง: จ. 16, อ. 17, พ. 18, ศ. 20", reminder);
        Assert.Contains("- นางเอ สอง: ศ. 20", reminder);
        Assert.Contains("- นางบี สอง: อ. 17", reminder);
        Assert.DoesNotContain("นายเอ หนึ่ง", reminder);
        Assert.DoesNotContain("นายซี หนึ่ง", reminder);
        // Mentions are on by default: exactly the three missing, by their LINE users.
        Assert.Equal(["Ua2", "Ub1", "Ub2"], pusher.Sent[$"reminder|2026-11-16|{Group}"].Messages.SelectMany(m => m.Mentions).Select(m => m.UserId).Order(StringComparer.Ordinal));

        // The same evening, /ยังไม่ส่ง says the same.
        time.SetUtcNow(At(new(2026, 11, 20), 17));
        var missing = (await services.SendAsync(Admin, "/ยังไม่ส่ง")).AllText();
        Assert.Contains("ยังไม่ส่งรายงาน (16–20 พ.ย. 2569): 3 คน 6 วัน", missing);
        Assert.Contains("- นายบี หนึ่ง: จ. 16, อ. 17, พ. 18, ศ. 20", missing);
        Assert.Contains("- นางบี สอง: อ. 17", missing);
        Assert.Contains("- นางเอ สอง: ศ. 20", missing);

        // /ของฉัน of the worker enrolled on Wednesday: nothing owed before it.
        var mine = (await services.SendAsync("Ua2", "/ของฉัน")).AllText();
        Assert.Contains("ส่งแล้ว 1 วัน: พ. 18", mine);
        Assert.Contains("ยังขาด: ศ. 20", mine);

        // Monday 23 Nov, 08:00: the digest of 16–22 Nov.
        var digestAt = At(new(2026, 11, 23), 8);
        time.SetUtcNow(digestAt);
        await runner.RunAsync("digest", digestAt, dryRun: false, CancellationToken.None);
        var group = pusher.Sent[$"digest|2026-11-16|{Group}"].Messages;
        Assert.Contains("ทั้งจังหวัด: ส่ง 9/15 วัน (60%) · ขาด 6 วัน จาก 3 คน", group[0].Text);
        Assert.Contains("อำเภอที่ยังขาดมาก: บางปะกง 17% (ขาด 5 วัน), บางคล้า 83% (ขาด 1 วัน)", group[0].Text);
        var officer = Assert.Single(pusher.Sent[$"digest|2026-11-16|{Officer}"].Messages);
        Assert.Contains("อำเภอบางคล้า: ส่ง 5/6 วัน (83%) · ขาด 1 วัน จาก 1 คน", officer.Text);
        Assert.Contains("ทั้งจังหวัด: ส่ง 9/15 วัน (60%)", officer.Text);
        Assert.DoesNotContain("ทุกอำเภอส่งครบ", officer.Text);

        // Tuesday 1 Dec, 08:30 (December's first working day): November.
        var monthlyAt = At(new(2026, 12, 1), 8, 30);
        time.SetUtcNow(monthlyAt);
        await runner.RunAsync("monthly", monthlyAt, dryRun: false, CancellationToken.None);
        var summary = pusher.Sent[$"monthly|2026-11|summary|{Admin}"].Messages.AllText();
        Assert.Contains("▪️ รวมทั้งจังหวัด\nส่ง 51/79 วัน (65%) · ผู้รายงาน 5 คน", summary);
        Assert.Contains("▪️ อำเภอบางคล้า\nส่ง 21/28 วัน (75%) · ผู้รายงาน 2 คน", summary);
        Assert.Contains("▪️ อำเภอบางปะกง\nส่ง 11/32 วัน (34%) · ผู้รายงาน 2 คน", summary);
        Assert.Contains("▪️ อำเภอพนมสารคาม\nส่ง 19/19 วัน (100%) · ผู้รายงาน 1 คน", summary);
        Assert.Contains("ขาดส่ง 2 คน: นางบี สอง (1 วัน), นายบี หนึ่ง (20 วัน)", summary);
        Assert.Contains("ขาดส่ง 1 คน: นางเอ สอง (7 วัน)", summary);
        foreach (var (id, owed, received) in new[] { ("Ua1", 20, 20), ("Ua2", 8, 1), ("Ub1", 20, 0), ("Ub2", 12, 11), ("Uc1", 19, 19) })
        {
            Assert.Contains($"ส่งรายงาน {received}/{owed} วัน", pusher.Sent[$"monthly|2026-11|{id}|{id}"].Messages.AllText());
        }

        // /สรุป เดือน พ.ย. (a Thai month name) gives the admins' numbers again.
        var month = (await services.SendAsync(Admin, "/สรุป เดือน พ.ย.")).AllText();
        Assert.Contains("ส่ง 51/79 วัน (65%) · ผู้รายงาน 5 คน", month);
    }

    [Fact]
    public async Task GoLiveMidMonth_NothingBeforeTheBotJoinedIsOwed()
    {
        // A reporter from before start dates existed (none stored), who never reports; the bot joins Wed 18 Nov 2026.
        var goLive = At(new(2026, 11, 18), 10);
        var time = new FakeTimeProvider(goLive);
        var pusher = new RecordingPusher(time);
        var services = CoreServices.Build(
            new Dictionary<string, string?> { ["Bot:AdminUserIds:0"] = Admin, ["Bot:GroupIds:0"] = Group },
            configure: s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IBotPusher>(pusher);
            });
        await using var _s = services;
        await services.GetRequiredService<ReporterStore>().SaveAsync(new Reporter { Id = "Uold", Name = "นายเก่า ก่อนเริ่ม", UserId = "Uold", District = "บางคล้า" }, CancellationToken.None);
        await services.GetRequiredService<GroupStore>().SetGroupAsync(Group, active: true, goLive, CancellationToken.None);
        // A re-invitation later does not move go-live.
        await services.GetRequiredService<GroupStore>().SetGroupAsync(Group, active: true, At(new(2026, 11, 25), 9), CancellationToken.None);

        // The week of go-live: Monday and Tuesday are not owed.
        time.SetUtcNow(At(new(2026, 11, 20), 17));
        var missing = (await services.SendAsync(Admin, "/ยังไม่ส่ง")).AllText();
        Assert.Contains("- นายเก่า ก่อนเริ่ม: พ. 18, พฤ. 19, ศ. 20", missing);

        var monthlyAt = At(new(2026, 12, 1), 8, 30);
        time.SetUtcNow(monthlyAt);
        await services.GetRequiredService<JobRunner>().RunAsync("monthly", monthlyAt, dryRun: false, CancellationToken.None);

        // 18–30 Nov: Wed 18, Thu 19, Fri 20, 23–27, Mon 30 = 9 working days (no holiday in this test).
        Assert.Contains("ส่งรายงาน 0/9 วัน", pusher.Sent["monthly|2026-11|Uold|Uold"].Messages.AllText());
        var summary = pusher.Sent[$"monthly|2026-11|summary|{Admin}"].Messages.AllText();
        Assert.Contains("ส่ง 0/9 วัน (0%) · ผู้รายงาน 1 คน", summary);
        Assert.Contains("นายเก่า ก่อนเริ่ม (9 วัน)", summary);
    }
}
