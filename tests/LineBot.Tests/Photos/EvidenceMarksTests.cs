using LineBot.Photos;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Photos;

/// <summary>
/// A report finds its day's photos and location through one mark per user and day. The mark is written before the
/// photo's day row or the location row, and read from storage, so that what another instance stored counts too.
/// </summary>
public sealed class EvidenceMarksTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public async Task PhotoStoredByOneInstance_IsFoundByAnother_OnlyForItsUserAndDay()
    {
        var prefix = Azurite.NewPrefix();
        await using var first = CoreServices.Build(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix });
        await using var second = CoreServices.Build(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix });
        var marks = second.GetRequiredService<EvidenceMarks>();
        Assert.False(await marks.AnyAsync("Uphoto", Day, CancellationToken.None));

        await first.GetRequiredService<PhotoStore>().SaveAsync(Photo("Uphoto", Day), CancellationToken.None);

        Assert.True(await marks.AnyAsync("Uphoto", Day, CancellationToken.None));
        Assert.False(await marks.AnyAsync("Uphoto", Day.AddDays(1), CancellationToken.None));
        Assert.False(await marks.AnyAsync("Uother", Day, CancellationToken.None));
    }

    [Fact]
    public async Task LocationStoredByOneInstance_MarksItsBangkokDay_ForAnother()
    {
        var prefix = Azurite.NewPrefix();
        await using var first = CoreServices.Build(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix });
        await using var second = CoreServices.Build(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix });
        // 23:30 on the 25th in Bangkok is still the 25th there (16:30 UTC).
        var lateEvening = new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();

        await first.GetRequiredService<LocationStore>().AddAsync("Ulocation", new SiteLocation(14.1, 101.2, null, null, lateEvening, "m1", "Cgroup1"), CancellationToken.None);

        var marks = second.GetRequiredService<EvidenceMarks>();
        Assert.True(await marks.AnyAsync("Ulocation", Day, CancellationToken.None));
        Assert.False(await marks.AnyAsync("Ulocation", Day.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task MarksAreNotPhotos_TheDaysPhotoQueryAndTheFailedListIgnoreThem()
    {
        await using var services = CoreServices.Build();
        var store = services.GetRequiredService<PhotoStore>();
        await services.GetRequiredService<EvidenceMarks>().MarkAsync("Umark", Day, CancellationToken.None);

        Assert.Empty(await store.ListDayAsync("Umark", Day, CancellationToken.None));
        Assert.Empty(await store.ListWeekAsync(Day));
        Assert.Empty(await store.ListFailedAsync(CancellationToken.None));
    }

    private static PhotoRecord Photo(string userId, DateOnly date) => new()
    {
        MessageId = "m" + Guid.NewGuid().ToString("N"),
        Kind = MediaKind.Image,
        GroupId = "Cgroup1",
        UserId = userId,
        Date = date,
        Status = PhotoStatus.Stored,
        ContentType = "image/jpeg",
    };
}
