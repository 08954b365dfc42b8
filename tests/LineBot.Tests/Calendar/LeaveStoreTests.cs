using LineBot.Calendar;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Calendar;

public sealed class LeaveStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private static ServiceProvider Services() =>
        CoreServices.Build(configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));

    [Fact]
    public async Task ListForWeek_ReturnsEveryonesLeaveOverlappingTheWeek()
    {
        await using var services = Services();
        var store = services.GetRequiredService<LeaveStore>();
        // Spans two weeks: 3 Dec (Thu) – 8 Dec (Tue).
        await store.AddAsync(new LeaveEntry("Ua/b#1", new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 8)) { ReporterName = "นางสาวลา หลายวัน", Reason = "ลาป่วย", AddedBy = "Uadmin" }, CancellationToken.None);
        await store.AddAsync(new LeaveEntry("U2", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)), CancellationToken.None);
        await store.AddAsync(new LeaveEntry("U3", new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 14)), CancellationToken.None);

        var first = await store.ListForWeekAsync(WorkCalendar.WeekOf(new DateOnly(2026, 12, 1)), CancellationToken.None);
        var second = await store.ListForWeekAsync(WorkCalendar.WeekOf(new DateOnly(2026, 12, 8)), CancellationToken.None);

        Assert.Equal(["U2", "Ua/b#1"], first.Select(l => l.ReporterId).Order(StringComparer.Ordinal));
        var spanning = Assert.Single(second);
        Assert.Equal("Ua/b#1", spanning.ReporterId);
        Assert.Equal(new DateOnly(2026, 12, 3), spanning.From);
        Assert.Equal(new DateOnly(2026, 12, 8), spanning.To);
        Assert.Equal("นางสาวลา หลายวัน", spanning.ReporterName);
        Assert.Equal("ลาป่วย", spanning.Reason);
        Assert.Equal(Now, spanning.AddedAt);
        Assert.True(spanning.Covers(new DateOnly(2026, 12, 7)));

        var range = await store.ListAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), CancellationToken.None);
        Assert.Equal(3, range.Count);
    }

    [Fact]
    public async Task Remove_DeletesEveryWeekRow()
    {
        await using var services = Services();
        var store = services.GetRequiredService<LeaveStore>();
        await store.AddAsync(new LeaveEntry("U1", new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 15)), CancellationToken.None);

        Assert.True(await store.RemoveAsync("U1", new DateOnly(2026, 12, 3), CancellationToken.None));
        Assert.False(await store.RemoveAsync("U1", new DateOnly(2026, 12, 3), CancellationToken.None));

        Assert.Empty(await store.ListAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 20), CancellationToken.None));
    }

    [Fact]
    public async Task Add_BackwardsOrTooLong_Throws()
    {
        await using var services = Services();
        var store = services.GetRequiredService<LeaveStore>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AddAsync(new LeaveEntry("U1", new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 3)), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AddAsync(new LeaveEntry("U1", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), CancellationToken.None));
    }
}
