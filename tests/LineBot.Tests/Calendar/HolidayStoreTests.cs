using LineBot.Calendar;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Calendar;

public sealed class HolidayStoreTests
{
    private static ServiceProvider Services(IDictionary<string, string?>? settings = null) =>
        CoreServices.Build(settings, configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero))));

    [Fact]
    public async Task List_NothingStored_IsTheBuiltInYear()
    {
        await using var services = Services();
        var store = services.GetRequiredService<HolidayStore>();

        var list = await store.ListAsync(2026, CancellationToken.None);

        Assert.Equal(ThaiPublicHolidays.ForYear(2026).Select(h => h.Date), list.Select(h => h.Date));
        Assert.All(list, h => Assert.Equal(HolidaySource.BuiltIn, h.Source));
    }

    [Fact]
    public async Task Add_Then_List_MergesByDate_AndRemoveWorksForBuiltInsToo()
    {
        await using var services = Services();
        var store = services.GetRequiredService<HolidayStore>();

        await store.AddAsync(new DateOnly(2026, 12, 24), "วันหยุดพิเศษจังหวัด", "Uadmin", CancellationToken.None);
        await store.AddAsync(new DateOnly(2026, 12, 5), "วันพ่อ (แก้ชื่อ)", "Uadmin", CancellationToken.None);
        var removed = await store.RemoveAsync(new DateOnly(2026, 12, 7), "Uadmin", CancellationToken.None);
        var notAHoliday = await store.RemoveAsync(new DateOnly(2026, 12, 8), "Uadmin", CancellationToken.None);

        var list = await store.ListAsync(2026, CancellationToken.None);
        Assert.True(removed);
        Assert.False(notAHoliday);
        Assert.Contains(list, h => h.Date == new DateOnly(2026, 12, 24) && h.Name == "วันหยุดพิเศษจังหวัด" && h.Source == HolidaySource.Stored);
        Assert.Contains(list, h => h.Date == new DateOnly(2026, 12, 5) && h.Name == "วันพ่อ (แก้ชื่อ)");
        Assert.DoesNotContain(list, h => h.Date == new DateOnly(2026, 12, 7));
        Assert.Equal(list.OrderBy(h => h.Date).Select(h => h.Date), list.Select(h => h.Date));

        // Another year's partition is untouched.
        Assert.Equal(ThaiPublicHolidays.ForYear(2027).Count(), (await store.ListAsync(2027, CancellationToken.None)).Count);

        // Adding it back undoes the removal.
        await store.AddAsync(new DateOnly(2026, 12, 7), "ชดเชยวันพ่อ", null, CancellationToken.None);
        Assert.Contains(await store.ListAsync(2026, CancellationToken.None), h => h.Date == new DateOnly(2026, 12, 7));
    }

    [Fact]
    public async Task Dates_IncludeConfiguredDaysOff_AcrossYears()
    {
        await using var services = Services(new Dictionary<string, string?> { ["Bot:Holidays:2026-12-30"] = "หยุดสิ้นปีพิเศษ" });
        var store = services.GetRequiredService<HolidayStore>();

        var dates = await store.DatesAsync(new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3), CancellationToken.None);

        Assert.Equal([new DateOnly(2026, 12, 30), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)], dates.Order());
        var week = WorkCalendar.WeekOf(new DateOnly(2026, 12, 30));
        Assert.Equal([new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 29)], WorkCalendar.WorkingDays(week.Monday, week.Sunday, dates));
    }

    [Fact]
    public void Options_BadHolidayKey_FailsAtStart()
    {
        using var services = Services(new Dictionary<string, string?> { ["Bot:Holidays:30/12/2569"] = "x" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarOptions>>().Value);
        Assert.Contains("yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }
}
