using LineBot.Reports;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Reports;

public sealed class MonthlyPlanStoreTests
{
    [Fact]
    public async Task Save_ReSend_ReplacesCurrentAndKeepsTheEarlierVersion()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<MonthlyPlanStore>();

        var first = await store.SaveAsync(new MonthlyPlan("U/1", 2026, 12, ["ขุดคลองไส้ไก่", "ห่มดิน"]) { ReporterName = "นายเอ" }, CancellationToken.None);
        var second = await store.SaveAsync(new MonthlyPlan("U/1", 2026, 12, ["ปลูกป่า 3 อย่าง"]), CancellationToken.None);
        await store.SaveAsync(new MonthlyPlan("U2", 2026, 12, ["ห่มดิน"]), CancellationToken.None);
        await store.SaveAsync(new MonthlyPlan("U/1", 2027, 1, ["อื่น ๆ"]), CancellationToken.None);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        var current = await store.GetAsync("U/1", 2026, 12, CancellationToken.None);
        Assert.Equal(["ปลูกป่า 3 อย่าง"], current!.Items);
        Assert.Equal(2, current.Version);
        var old = Assert.Single(await store.VersionsAsync("U/1", 2026, 12, CancellationToken.None));
        Assert.Equal(["ขุดคลองไส้ไก่", "ห่มดิน"], old.Items);
        Assert.Equal("นายเอ", old.ReporterName);
        Assert.Equal(["U/1", "U2"], (await store.ListMonthAsync(2026, 12, CancellationToken.None)).Select(p => p.ReporterId).Order(StringComparer.Ordinal));
    }
}
