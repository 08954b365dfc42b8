using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Digests;

/// <summary>Photos count as evidence in digests whether or not they are attached to a report (issue 5).</summary>
public sealed class PhotoEvidenceTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly DateOnly Monday = Mondays[2];
    private static readonly DateOnly Tuesday = Monday.AddDays(1);

    private static IReadOnlyList<Reporter> Roster() =>
        [.. SyntheticProvince.Reporters().Where(r => r.Id == Id(0, 0) || r.Id == Id(0, 1)).Select(r => r with { UserId = "L" + r.Id })];

    private static PhotoRecord Photo(string messageId, int j, DateOnly date, bool attached = false, PhotoStatus status = PhotoStatus.Stored, int hour = 12) => new()
    {
        MessageId = messageId,
        Kind = MediaKind.Image,
        GroupId = "Cgroup",
        UserId = "L" + Id(0, j),
        Date = date,
        Timestamp = At(date, hour).ToUnixTimeMilliseconds(),
        Status = status,
        BlobName = status == PhotoStatus.Stored ? $"Cgroup/{date:yyyy-MM-dd}/L{Id(0, j)}/{messageId}.jpg" : null,
        Attached = attached,
        ReporterId = attached ? Id(0, j) : null,
    };

    [Fact]
    public void Calculate_CountsUnattachedPhotosOnceEach_AndNotFailedOrFutureOnes()
    {
        // U0000 reported Monday (the report still says 2 photos); 3 photos are stored for that day, one not yet attached.
        // U0001 sent 2 photos on Tuesday and no report (yet); one copy is handed in twice.
        var report = Report(0, 0, Monday, At(Monday, 12));
        IReadOnlyList<PhotoRecord> photos =
        [
            Photo("p1", 0, Monday, attached: true), Photo("p2", 0, Monday, attached: true), Photo("p3", 0, Monday),
            Photo("p4", 1, Tuesday), Photo("p5", 1, Tuesday), Photo("p5", 1, Tuesday),
            Photo("p6", 1, Tuesday, status: PhotoStatus.Failed),
            Photo("p7", 1, Monday.AddDays(4), hour: 20), // after the as-of instant
            Photo("p8", 1, Monday.AddDays(-1)), // the week before
        ];
        var input = new DigestInput(Roster(), [report], Holidays, [], new ReportWeek(Monday), At(Monday.AddDays(4), 15), Zone) { Photos = photos };

        var district = WeeklyDigestCalculator.Calculate(input).Districts.Single();

        Assert.Equal(1, district.Received);
        Assert.Equal(5, district.Photos);
        Assert.Equal(2, district.PhotosWithoutReport);
        // A photo is no report: U0001's Tuesday is still missing.
        Assert.Contains(district.Gaps, g => g.ReporterId == Id(0, 1) && g.MissingDates.Contains(Tuesday));
        Assert.Contains("ภาพที่ยังไม่มีรายงานของวันนั้น 2 ภาพ", DigestText.Render(WeeklyDigestCalculator.Calculate(input), district.District), StringComparison.Ordinal);
        var flex = DigestFlexBuilder.Build(WeeklyDigestCalculator.Calculate(input));
        Assert.Contains("5 ภาพ (ไม่มีรายงาน 2)", string.Concat(flex.Select(m => m.ToJsonString(Readable))), StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_ReportCountsWithoutRecords_AreKept()
    {
        var input = new DigestInput(Roster(), [Report(0, 0, Monday, At(Monday, 12))], Holidays, [], new ReportWeek(Monday), At(Mondays[3], 9), Zone);

        Assert.Equal(2, WeeklyDigestCalculator.Calculate(input).Districts.Single().Photos);
    }

    [Fact]
    public void DistrictText_ListsMapLinksOfSites_ProvinceTextDoesNot()
    {
        // U0000 has a profile location; U0001's report of the week carries one.
        var report = Report(0, 1, Monday, At(Monday, 12)) with { Latitude = 13.712345, Longitude = 101.2 };
        var digest = WeeklyDigestCalculator.Calculate(new DigestInput(Roster(), [report], Holidays, [], new ReportWeek(Monday), At(Mondays[3], 9), Zone));
        var district = digest.Districts.Single();

        Assert.Equal([Id(0, 0), Id(0, 1)], district.Sites.Select(s => s.ReporterId).Order(StringComparer.Ordinal));
        var text = DigestText.Render(digest, district.District);
        Assert.Contains($"{Name(0, 1)}: https://www.google.com/maps?q=13.712345,101.2", text, StringComparison.Ordinal);
        Assert.Contains($"{Name(0, 0)}: https://www.google.com/maps?q=13.69,101.07", text, StringComparison.Ordinal);
        Assert.DoesNotContain("google.com/maps", DigestText.Render(digest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestService_ReadsTheWeeksPhotoRecords()
    {
        var time = new FakeTimeProvider(At(Mondays[3], 9));
        await using var services = CoreServices.Build(configure: s => s.AddSingleton<TimeProvider>(time));
        foreach (var r in Roster())
        {
            await services.GetRequiredService<ReporterStore>().SaveAsync(r, CancellationToken.None);
        }

        var photoStore = services.GetRequiredService<PhotoStore>();
        foreach (var p in new[] { Photo("q1", 1, Tuesday), Photo("q2", 1, Tuesday), Photo("q3", 1, Mondays[3]) })
        {
            await photoStore.SaveAsync(p, CancellationToken.None);
        }

        var digest = await services.GetRequiredService<DigestService>().WeekAsync(Monday, time.GetUtcNow(), CancellationToken.None);

        var district = digest.Districts.Single(d => d.District == Districts[0]);
        Assert.Equal(0, district.Received);
        Assert.Equal(2, district.Photos);
        Assert.Equal(2, district.PhotosWithoutReport);
    }
}
