using System.Globalization;
using LineBot.Calendar;
using LineBot.Exports;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Tests.Commands;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Exports;

/// <summary>
/// <c>/ส่งออก</c> end to end against Azurite: photo links (attached or not) that really open the stored photo, map
/// links, and the month's compilation. The clock is the real one (SAS links are checked by Azurite against it);
/// the data is last week's, so it is always in the past.
/// </summary>
public sealed class ExportPhotoLinkTests
{
    private const string Admin = "Uadmin";
    private const string DistrictA = "บางน้ำเปรี้ยว";
    private const string DistrictB = "บางปะกง";
    private static readonly HttpClient Http = new();

    private static readonly Reporter R1 = new() { Id = "UR1", UserId = "UR1", Name = "นางสาวหนึ่ง ใจดี", District = DistrictA, Latitude = 13.8312, Longitude = 101.0545 };
    private static readonly Reporter R2 = new() { Id = "UR2", UserId = "UR2", Name = "นายสอง ขยัน", District = DistrictA };
    private static readonly Reporter R3 = new() { Id = "UR3", UserId = "UR3", Name = "นายสาม มานะ", District = DistrictB };

    private sealed record Seeded(ServiceProvider Services, DateOnly Monday, Dictionary<string, byte[]> PhotoBytes);

    private static async Task<Seeded> SeedAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        var time = new FakeTimeProvider(now);
        var services = CoreServices.Build(new Dictionary<string, string?> { ["Bot:AdminUserIds:0"] = Admin }, configure: s => s.AddSingleton<TimeProvider>(time));
        var clock = services.GetRequiredService<BotClock>();
        var monday = WorkCalendar.WeekOf(DateOnly.FromDateTime(clock.ToLocal(now).DateTime)).Previous.Monday;
        var tuesday = monday.AddDays(1);

        foreach (var r in new[] { R1, R2, R3 })
        {
            await services.GetRequiredService<ReporterStore>().SaveAsync(r, CancellationToken.None);
        }

        var at = new DateTimeOffset(monday.ToDateTime(new TimeOnly(16, 0)), TimeSpan.FromHours(7));
        await services.GetRequiredService<ReportStore>().SaveAsync(new DailyReport
        {
            GroupId = "Cgroup1",
            ReporterId = R1.Id,
            ReporterName = R1.Name,
            Date = monday,
            Site = new(null, null, DistrictA, null),
            Activities = ["ขุดคลองไส้ไก่"],
            CertifiedBy = "ผู้ใหญ่บ้าน",
            PhotoCount = 1,
            MessageId = "rep1",
            ReceivedAt = at,
        }, at.ToUnixTimeMilliseconds(), CancellationToken.None);

        // R1: two photos on Monday (one attached, one arrived later and not yet attached); R2: a photo on Tuesday, no report.
        var container = await services.Storage().ContainerAsync(services.Names().PhotosContainer);
        var store = services.GetRequiredService<PhotoStore>();
        var bytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, reporter, date, attached, minute) in new[] { ("ph1", R1, monday, true, 1), ("ph2", R1, monday, false, 2), ("ph3", R2, tuesday, false, 3) })
        {
            var photo = new PhotoRecord
            {
                MessageId = id,
                Kind = MediaKind.Image,
                GroupId = "Cgroup1",
                UserId = reporter.UserId!,
                Date = date,
                Timestamp = new DateTimeOffset(date.ToDateTime(new TimeOnly(15, minute)), TimeSpan.FromHours(7)).ToUnixTimeMilliseconds(),
                Status = PhotoStatus.Stored,
                ContentType = "image/jpeg",
                Attached = attached,
                ReporterId = attached ? reporter.Id : null,
            };
            photo = photo with { BlobName = PhotoStore.BlobPath(photo, "image/jpeg") };
            bytes[photo.BlobName!] = [0xFF, 0xD8, .. System.Text.Encoding.UTF8.GetBytes(id)];
            await container.GetBlobClient(photo.BlobName).UploadAsync(BinaryData.FromBytes(bytes[photo.BlobName!]));
            await store.SaveAsync(photo, CancellationToken.None);
        }

        return new Seeded(services, monday, bytes);
    }

    private static string Thai(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Day}/{d.Month}/{d.Year + 543}");

    private static async Task<MemoryStream> DownloadAsync(string replyText)
    {
        var link = Assert.Single(replyText.Split('\n'), l => l.StartsWith("http", StringComparison.Ordinal));
        return new MemoryStream(await Http.GetByteArrayAsync(new Uri(link)));
    }

    private static List<Dictionary<string, object?>> Sheet(XlsxBook book, string name) =>
        [.. book.Rows(name).Where(r => r["ผู้รายงาน"] is not null)];

    /// <summary>
    /// The links of a row's photos: its photo cell links to the first of them on the photo sheet, one row and one
    /// hyperlink per photo from there.
    /// </summary>
    private static List<string> PhotoLinks(XlsxBook book, string district, Dictionary<string, object?> row)
    {
        var index = Sheet(book, district).FindIndex(r => Equals(r["ผู้รายงาน"], row["ผู้รายงาน"]) && Equals(r["วันที่"], row["วันที่"]));
        var cell = book.Cell(district, "ลิงก์ภาพ", index);
        var location = Assert.Single(book.Links(district), l => l.Cell == cell.CellReference).Location!;
        Assert.StartsWith($"'{WeeklyExport.PhotoSheet}'!A", location, StringComparison.Ordinal);
        var first = XlsxBook.RowOf(location[(location.IndexOf('!', StringComparison.Ordinal) + 1)..]);
        var photos = book.Rows(WeeklyExport.PhotoSheet);
        var links = book.Links(WeeklyExport.PhotoSheet);
        var result = new List<string>();
        for (var line = first; line - 2 < photos.Count && Equals(photos[line - 2]["ผู้รายงาน"], row["ผู้รายงาน"]) && Equals(photos[line - 2]["วันที่"], row["วันที่"]); line++)
        {
            result.Add(Assert.Single(links, l => l.Cell == "E" + line).Target!);
        }

        return result;
    }

    private static async Task AssertPhotoLinksOpenAsync(Seeded seeded, IReadOnlyList<string> links, int expected)
    {
        Assert.Equal(expected, links.Count);
        foreach (var link in links)
        {
            var content = await Http.GetByteArrayAsync(new Uri(link));
            Assert.Contains(seeded.PhotoBytes.Values, b => b.AsSpan().SequenceEqual(content));
        }
    }

    [Fact]
    public async Task WeekExport_HasWorkingPhotoLinks_AttachedOrNot_AndMapLinks()
    {
        var seeded = await SeedAsync();
        await using var _s = seeded.Services;

        var reply = (await seeded.Services.SendAsync(Admin, "/ส่งออก สัปดาห์ " + Thai(seeded.Monday))).AllText();

        using var book = new XlsxBook(await DownloadAsync(reply));
        Assert.Equal([SheetGuide.Name, WeeklyExport.SummarySheet, DayGrid.SheetName, DistrictA, DistrictB, WeeklyExport.PhotoSheet], book.SheetNames);
        var rows = Sheet(book, DistrictA);
        Assert.Equal(2, rows.Count);
        var r1 = rows.Single(r => (string)r["ผู้รายงาน"]! == R1.Name);
        Assert.Equal(seeded.Monday, r1["วันที่"]);
        Assert.Equal("ขุดคลองไส้ไก่", r1["กิจกรรม"]);
        Assert.Equal("ผู้ใหญ่บ้าน", r1["ผู้รับรอง"]);
        Assert.Equal(2, Convert.ToInt32(r1["จำนวนภาพ"], CultureInfo.InvariantCulture));
        await AssertPhotoLinksOpenAsync(seeded, PhotoLinks(book, DistrictA, r1), 2);
        Assert.Equal("https://www.google.com/maps?q=13.8312,101.0545", r1["แผนที่"]);
        Assert.Contains(book.Links(DistrictA), l => l.Target == "https://www.google.com/maps?q=13.8312,101.0545");

        // A day with a photo and no report is still evidence: a row with the photo and no activities.
        var r2 = rows.Single(r => (string)r["ผู้รายงาน"]! == R2.Name);
        Assert.Equal(seeded.Monday.AddDays(1), r2["วันที่"]);
        Assert.Null(r2["กิจกรรม"] as string is { Length: > 0 } a ? a : null);
        await AssertPhotoLinksOpenAsync(seeded, PhotoLinks(book, DistrictA, r2), 1);
        Assert.Null(r2["แผนที่"]);

        var summary = book.Rows(WeeklyExport.SummarySheet);
        Assert.Equal(3, Convert.ToInt32(summary.Single(r => (string)r["อำเภอ"]! == DistrictA)["ภาพถ่าย"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task MonthExport_IsTheMonthsCompilation_PerReporterDay_ForOneDistrict()
    {
        var seeded = await SeedAsync();
        await using var _s = seeded.Services;

        var reply = (await seeded.Services.SendAsync(Admin, $"/ส่งออก เดือน {Thai(seeded.Monday)} อ.{DistrictA}")).AllText();

        Assert.Contains("เดือน" + ThaiDates.MonthYear(seeded.Monday.Year, seeded.Monday.Month), reply, StringComparison.Ordinal);
        using var book = new XlsxBook(await DownloadAsync(reply));
        Assert.Equal([SheetGuide.Name, WeeklyExport.SummarySheet, DayGrid.SheetName, DistrictA, WeeklyExport.PhotoSheet], book.SheetNames);
        var rows = Sheet(book, DistrictA);
        // Tuesday may fall in the next month when Monday is the month's last day.
        var expected = seeded.Monday.AddDays(1).Month == seeded.Monday.Month ? 2 : 1;
        Assert.Equal(expected, rows.Count);
        var r1 = rows.Single(r => (string)r["ผู้รายงาน"]! == R1.Name);
        await AssertPhotoLinksOpenAsync(seeded, PhotoLinks(book, DistrictA, r1), 2);
        var summary = book.Rows(WeeklyExport.SummarySheet);
        var district = Assert.Single(summary, r => (string)r["อำเภอ"]! == DistrictA);
        Assert.Equal(2, Convert.ToInt32(district["ผู้รายงาน (คน)"], CultureInfo.InvariantCulture));
        Assert.Equal(1, Convert.ToInt32(district["ส่งแล้ว (วัน)"], CultureInfo.InvariantCulture));
        Assert.Equal(expected + 1, Convert.ToInt32(district["ภาพถ่าย"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WeekExport_Csv_HasThePhotoAndMapLinks()
    {
        var seeded = await SeedAsync();
        await using var _s = seeded.Services;

        var reply = (await seeded.Services.SendAsync(Admin, "/ส่งออก สัปดาห์ " + Thai(seeded.Monday) + " csv")).AllText();

        using var file = await DownloadAsync(reply);
        var bytes = file.ToArray();
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("อำเภอ,วันที่,ผู้รายงาน,", text, StringComparison.Ordinal);
        var line = Assert.Single(text.Split("\r\n"), l => l.Contains(R1.Name, StringComparison.Ordinal) || l.Contains("google.com/maps", StringComparison.Ordinal));
        // The map link holds a comma, so it is quoted.
        Assert.EndsWith(",\"https://www.google.com/maps?q=13.8312,101.0545\"", line, StringComparison.Ordinal);
        Assert.Equal(3, text.Split(seeded.Services.GetRequiredService<LineBot.Storage.StorageNames>().PhotosContainer).Length - 1);
    }
}
