using LineBot.Calendar;
using LineBot.Commands;
using LineBot.Reporters;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Commands;

/// <summary>Commands that change data, each on its own small roster.</summary>
public sealed class CommandWriteTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static async Task<ServiceProvider> ServicesAsync()
    {
        var services = CoreServices.Build(
            new Dictionary<string, string?> { ["Bot:AdminUserIds:0"] = "Uadmin" },
            configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        var store = services.GetRequiredService<ReporterStore>();
        await store.SaveAsync(new Reporter { Id = "Ua", Name = "นายเอ ทดสอบ", UserId = "Ua", District = "บางคล้า" }, CancellationToken.None);
        await store.SaveAsync(new Reporter { Id = "Ub", Name = "นางบี ทดสอบ", UserId = "Ub", District = "บางปะกง" }, CancellationToken.None);
        return services;
    }

    [Fact]
    public async Task Officer_AdminMentionsUser_MakesThemOfficerWhoThenSeesOnlyThatDistrict()
    {
        await using var services = await ServicesAsync();

        var reply = (await services.SendAsync("Uadmin", "/เจ้าหน้าที่ @คุณซี อ.บางคล้า", new Mention("Uc", "@คุณซี"))).AllText();
        var roster = (await services.SendAsync("Uc", "/ผู้รายงาน")).AllText();

        Assert.Contains("เจ้าหน้าที่อำเภอบางคล้า", reply);
        var (role, sender) = await services.GetRequiredService<CommandRouter>().ResolveAsync("Uc", CancellationToken.None);
        Assert.Equal(ReporterRole.Officer, role);
        Assert.Equal("บางคล้า", sender!.OfficerDistrict);
        Assert.Contains("นายเอ ทดสอบ", roster);
        Assert.DoesNotContain("นางบี ทดสอบ", roster);
    }

    [Fact]
    public async Task Officer_UnknownDistrict_IsRejectedWithTheKnownOnes()
    {
        await using var services = await ServicesAsync();

        var reply = (await services.SendAsync("Uadmin", "/เจ้าหน้าที่ @ซี อ.ไม่มีจริง", new Mention("Uc"))).AllText();

        Assert.Contains("ไม่พบอำเภอ", reply);
        Assert.Contains("บางปะกง", reply);
        Assert.Null(await services.GetRequiredService<ReporterStore>().FindByUserIdAsync("Uc", CancellationToken.None));
    }

    [Fact]
    public async Task Leave_ReporterForSelf_IsStored_ForSomeoneElse_OnlyByAdmin()
    {
        await using var services = await ServicesAsync();

        var own = (await services.SendAsync("Ua", "/ลา 14-16 ธ.ค. 2569 ลาป่วย")).AllText();
        var forOther = (await services.SendAsync("Ua", "/ลา 17 ธ.ค. 2569 @บี", new Mention("Ub"))).AllText();
        var byAdmin = (await services.SendAsync("Uadmin", "/ลา 18 ธ.ค. 2569 @บี", new Mention("Ub"))).AllText();

        Assert.StartsWith("บันทึกการลาของ นายเอ ทดสอบ: ", own);
        Assert.EndsWith("(3 วันทำการ)", own);
        Assert.Contains("เฉพาะผู้ดูแลระบบ", forOther);
        Assert.Contains("นางบี ทดสอบ", byAdmin);
        var leave = await services.GetRequiredService<LeaveStore>().ListAsync(new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 20), CancellationToken.None);
        Assert.Equal([("Ua", new DateOnly(2026, 12, 14), "ลาป่วย"), ("Ub", new DateOnly(2026, 12, 18), (string?)null)], leave.Select(l => (l.ReporterId, l.From, l.Reason)));
    }

    [Fact]
    public async Task Holidays_AddByAdminOnly_ThenListed()
    {
        await using var services = await ServicesAsync();

        var refused = (await services.SendAsync("Ua", "/วันหยุด เพิ่ม 24 ธ.ค. 2569 วันหยุดจังหวัด")).AllText();
        var added = (await services.SendAsync("Uadmin", "/วันหยุด เพิ่ม 24 ธ.ค. 2569 วันหยุดจังหวัด")).AllText();
        var list = (await services.SendAsync("Ua", "/วันหยุด")).AllText();

        Assert.Contains("เฉพาะผู้ดูแลระบบ", refused);
        Assert.Contains("เพิ่มวันหยุด", added);
        Assert.Contains("วันหยุดจังหวัด (เพิ่มโดยผู้ดูแล)", list);
        Assert.Contains(new DateOnly(2026, 12, 24), await services.GetRequiredService<HolidayStore>().DatesAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), CancellationToken.None));
    }
}
