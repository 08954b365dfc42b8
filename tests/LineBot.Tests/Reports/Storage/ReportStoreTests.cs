using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Reports.Parsing;
using LineBot.Storage;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Reports.Storage;

public sealed class ReportStoreTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    private static DailyReport Report(string messageId, DateOnly? date, string reporter = "Ua", string district = "บางคล้า", params string[] activities) => new()
    {
        GroupId = "Cgroup",
        ReporterId = reporter,
        ReporterName = "นางสาวสมใจ ใจดี",
        Date = date,
        Site = new(null, null, district, null),
        Activities = activities.Length == 0 ? ["ปลูกผักสวนครัว"] : activities,
        MessageId = messageId,
    };

    [Fact]
    public async Task Save_FirstThenLaterSameDate_ReplacesAndKeepsBothVersions()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();

        var first = await store.SaveAsync(Report("m1", Wednesday, activities: "ขุดหนอง"), 1000, default);
        var second = await store.SaveAsync(Report("m2", Wednesday, "Ua", "บางคล้า", "ขุดหนอง", "ปลูกกล้วย"), 2000, default);

        Assert.Equal(SaveOutcome.Created, first.Outcome);
        Assert.Equal(SaveOutcome.Replaced, second.Outcome);
        var current = await store.GetAsync("Ua", Wednesday, default);
        Assert.Equal("m2", current!.MessageId);
        Assert.Equal(2, current.Version);
        Assert.Equal(["ขุดหนอง", "ปลูกกล้วย"], current.Activities);
        var versions = await store.VersionsAsync("Ua", Wednesday, default);
        Assert.Equal(["m1", "m2"], versions.Select(v => v.MessageId));
    }

    [Fact]
    public async Task Save_OlderMessageArrivingLate_IsKeptButDoesNotBecomeCurrent()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();

        await store.SaveAsync(Report("new", Wednesday), 2000, default);
        var late = await store.SaveAsync(Report("old", Wednesday), 1000, default);

        Assert.Equal(SaveOutcome.Superseded, late.Outcome);
        Assert.Equal("new", (await store.GetAsync("Ua", Wednesday, default))!.MessageId);
        Assert.Equal(2, (await store.VersionsAsync("Ua", Wednesday, default)).Count);
    }

    [Fact]
    public async Task Save_SameMessageTwice_IsIdempotent()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();

        await store.SaveAsync(Report("m1", Wednesday), 1000, default);
        await store.SaveAsync(Report("m1", Wednesday), 1000, default);

        Assert.Single(await store.VersionsAsync("Ua", Wednesday, default));
        Assert.Equal(1, (await store.GetAsync("Ua", Wednesday, default))!.Version);
    }

    [Fact]
    public async Task ApplyEdit_LatestTimestampWins_OlderEditIgnored()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();
        await store.SaveAsync(Report("m1", Wednesday, activities: "เดิม"), 1000, default);

        var edit2 = await store.ApplyEditAsync(Report("m1", Wednesday, activities: "แก้ครั้งที่สอง"), 3000, default);
        var edit1 = await store.ApplyEditAsync(Report("m1", Wednesday, activities: "แก้ครั้งแรก"), 2000, default);

        Assert.Equal(SaveOutcome.Updated, edit2.Outcome);
        Assert.Equal(SaveOutcome.Ignored, edit1.Outcome);
        Assert.Equal(["แก้ครั้งที่สอง"], (await store.GetAsync("Ua", Wednesday, default))!.Activities);
        Assert.Single(await store.VersionsAsync("Ua", Wednesday, default));
    }

    [Fact]
    public async Task ApplyEdit_DateChanged_MovesTheReport()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();
        await store.SaveAsync(Report("m1", Wednesday), 1000, default);

        var moved = await store.ApplyEditAsync(Report("m1", Wednesday.AddDays(-7)), 2000, default);

        Assert.Equal(SaveOutcome.Updated, moved.Outcome);
        Assert.Null(await store.GetAsync("Ua", Wednesday, default));
        Assert.Equal("m1", (await store.GetAsync("Ua", Wednesday.AddDays(-7), default))!.MessageId);
    }

    [Fact]
    public async Task ApplyEdit_OfMessageNeverStored_StoresIt()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();

        var saved = await store.ApplyEditAsync(Report("chatter-now-report", Wednesday), 5000, default);

        Assert.Equal(SaveOutcome.Created, saved.Outcome);
        Assert.NotNull(await store.GetAsync("Ua", Wednesday, default));
    }

    [Fact]
    public async Task Unsend_CurrentVersion_PreviousBecomesCurrentAgain()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();
        await store.SaveAsync(Report("m1", Wednesday, activities: "หนึ่ง"), 1000, default);
        await store.SaveAsync(Report("m2", Wednesday, activities: "สอง"), 2000, default);

        var removed = await store.UnsendAsync("m2", default);

        Assert.Equal("m2", removed!.MessageId);
        var current = await store.GetAsync("Ua", Wednesday, default);
        Assert.Equal("m1", current!.MessageId);
        Assert.Equal(["หนึ่ง"], current.Activities);
        Assert.Null(await store.GetByMessageAsync("m2", default));
    }

    [Fact]
    public async Task Unsend_OnlyVersion_DeletesTheReportAndItsText()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();
        await store.SaveAsync(Report("m1", Wednesday), 1000, default);

        await store.UnsendAsync("m1", default);

        Assert.Null(await store.GetAsync("Ua", Wednesday, default));
        Assert.Empty(await store.VersionsAsync("Ua", Wednesday, default));
        Assert.Empty(await store.ListWeekAsync(Wednesday));
        Assert.Null(await store.UnsendAsync("m1", default));
    }

    [Fact]
    public async Task Save_UndatedReportWithErrors_IsKeptAndFixedByEdit()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();
        await store.SaveAsync(Report("m1", null) with { Errors = ["วันที่ไม่ถูกต้อง"] }, 1000, default);

        Assert.Equal(["วันที่ไม่ถูกต้อง"], Assert.Single(await store.ListUndatedAsync(default)).Errors);

        await store.ApplyEditAsync(Report("m1", Wednesday), 2000, default);

        Assert.Empty(await store.ListUndatedAsync(default));
        Assert.NotNull(await store.GetAsync("Ua", Wednesday, default));
    }

    [Fact]
    public async Task ListWeek_ReadsOnlyThatWeek_ByGroupAndDistrict()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();
        var monday = new DateOnly(2026, 11, 23);
        await store.SaveAsync(Report("a", monday, "U1", "บางคล้า"), 1, default);
        await store.SaveAsync(Report("b", monday.AddDays(6), "U2", "บางคล้า"), 2, default);     // Sunday: same week
        await store.SaveAsync(Report("c", monday.AddDays(2), "U3", "แปลงยาว"), 3, default);
        await store.SaveAsync(Report("d", monday.AddDays(7), "U1", "บางคล้า"), 4, default);     // next Monday
        await store.SaveAsync(Report("e", monday.AddDays(-1), "U1", "บางคล้า"), 5, default);    // previous Sunday
        await store.SaveAsync(Report("f", monday.AddDays(1), "U1", "บางคล้า"), 6, default);
        await store.SaveAsync(Report("f2", monday.AddDays(1), "U1", "บางคล้า"), 7, default);   // re-send: one current

        var week = await store.ListWeekAsync(monday.AddDays(3));
        var district = await store.ListWeekAsync(monday, district: "บางคล้า");
        var otherGroup = await store.ListWeekAsync(monday, groupId: "Cother");

        Assert.Equal(["a", "b", "c", "f2"], week.Select(r => r.MessageId).Order());
        Assert.Equal(["a", "b", "f2"], district.Select(r => r.MessageId).Order());
        Assert.Empty(otherGroup);
        Assert.Equal(["a", "e", "f2"], (await store.ListRangeAsync(monday.AddDays(-1), monday.AddDays(1))).Select(r => r.MessageId).Order());
    }

    [Fact]
    public async Task SetPhotoCountAndLocation_KeptAcrossReplacement()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReportStore>();
        await store.SaveAsync(Report("m1", Wednesday), 1000, default);
        Assert.True(await store.SetPhotoCountAsync("Ua", Wednesday, 3, default));
        Assert.True(await store.SetLocationAsync("Ua", Wednesday, 13.69, 101.07, default));
        Assert.False(await store.SetPhotoCountAsync("Unobody", Wednesday, 1, default));

        await store.SaveAsync(Report("m2", Wednesday), 2000, default);

        var current = await store.GetAsync("Ua", Wednesday, default);
        Assert.Equal(3, current!.PhotoCount);
        Assert.Equal(13.69, current.Latitude);
    }

    [Theory]
    [InlineData("2026-11-23", "w20261123")]
    [InlineData("2026-11-29", "w20261123")]
    [InlineData("2026-11-30", "w20261130")]
    [InlineData("2027-01-01", "w20261228")]
    public void WeekPartition_MondayToSunday(string date, string expected) =>
        Assert.Equal(expected, ReportStore.WeekPartition(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed class ReporterStoreTests
{
    [Fact]
    public async Task Save_ThenFindByUserIdAndByNameIgnoringTitleAndSpaces()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReporterStore>();
        await store.SaveAsync(new Reporter { Id = "U123", UserId = "U123", Name = "นางสาวสมใจ  ใจดี", District = "บางคล้า" }, default);

        Assert.Equal("บางคล้า", (await store.FindByUserIdAsync("U123", default))!.District);
        Assert.Equal("U123", (await store.FindByNameAsync("น.ส. สมใจ ใจดี", default))!.Id);
        Assert.Equal("U123", (await store.FindByNameAsync("สมใจ ใจ\u200bดี", default))!.Id);
        Assert.Null(await store.FindByNameAsync("นายสมชาย ใจดี", default));
    }

    [Fact]
    public async Task FindByName_ManyAtOnceWithAStaleIndex_ReadTheListOnce_AndAgainOnlyWhenItGoesStale()
    {
        var prefix = Azurite.NewPrefix();
        var counter = new StorageCallCounter(prefix);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix }, configure: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton(StorageClients.Create(new StorageConnection.WithConnectionString(Azurite.ConnectionString), counter: counter));
        });
        var store = services.GetRequiredService<ReporterStore>();
        await store.SaveAsync(new Reporter { Id = "U1", UserId = "U1", Name = "นางสาวสมใจ ใจดี" }, default);
        var before = counter.Snapshot();

        // Events in flight when the index is stale: each would read the whole list.
        async Task<Reporter?[]> WaveAsync() => await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.FindByNameAsync(i % 2 == 0 ? "สมใจ ใจดี" : "นายใครก็ได้ ไม่มีชื่อ", default)));
        var first = await WaveAsync();
        var whileFresh = await WaveAsync();
        var listsWhileFresh = counter.Since(before).GetValueOrDefault("table query reporters");
        time.Advance(ReporterCache.Ttl + TimeSpan.FromSeconds(1));
        var afterStale = await WaveAsync();

        Assert.Equal(1, listsWhileFresh);
        Assert.Equal(2, counter.Since(before).GetValueOrDefault("table query reporters"));
        foreach (var wave in new[] { first, whileFresh, afterStale })
        {
            Assert.All(wave.Where((_, i) => i % 2 == 0), r => Assert.Equal("U1", r!.Id));
            Assert.All(wave.Where((_, i) => i % 2 == 1), Assert.Null);
        }
    }

    [Fact]
    public async Task TouchLastReport_KeepsTheNewestDate()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<ReporterStore>();
        await store.SaveAsync(new Reporter { Id = "n:x", Name = "นายเอ" }, default);

        await store.TouchLastReportAsync("n:x", new DateOnly(2026, 11, 25), default);
        await store.TouchLastReportAsync("n:x", new DateOnly(2026, 11, 20), default);

        Assert.Equal(new DateOnly(2026, 11, 25), (await store.GetAsync("n:x", default))!.LastReportDate);
    }

    [Theory]
    [InlineData("นายสมชาย ใจดี", "สมชาย ใจดี")]
    [InlineData("นางสาวมาลี  ศรีสุข", "มาลี  ศรีสุข")]
    [InlineData("น.ส.มาลี ศรีสุข", "มาลี ศรีสุข")]
    [InlineData("นางมาลี ศรีสุข", "มาลี ศรีสุข")]
    [InlineData("ว่าที่ร้อยตรีสมชาย ใจดี", "สมชาย ใจดี")]
    public void StripTitle_RemovesThaiTitles(string name, string expected) => Assert.Equal(expected, PersonNames.StripTitle(name));
}
