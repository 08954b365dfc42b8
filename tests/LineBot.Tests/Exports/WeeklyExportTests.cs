using System.Text;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Exports;
using LineBot.Tests.Digests;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Exports;

public sealed class WeeklyExportTests
{
    private static readonly IReadOnlyList<LineBot.Reports.DailyReport> WeekReports =
        [.. SyntheticProvince.Reports().Where(r => r.Date is { } d && new ReportWeek(Mondays[0]).Contains(d))];

    private static WeeklyDigest Digest() => WeeklyDigestCalculator.Calculate(
        new DigestInput(SyntheticProvince.Reporters(), WeekReports, Holidays, Leave(), new ReportWeek(Mondays[0]), At(Mondays[1], 9), Zone));

    private static IReadOnlyList<ExportRow> Rows() =>
        WeeklyExport.Rows(WeekReports, SyntheticProvince.Reporters(), r => [.. Enumerable.Range(1, r.PhotoCount).Select(i => $"https://example.test/{r.MessageId}/{i}.jpg")]);

    [Fact]
    public void Rows_OnePerReporterDay_DuplicatesMerged()
    {
        var rows = Rows();

        var digest = Digest();
        Assert.Equal(digest.Province.Received, rows.Count);
        var duplicate = rows.Single(r => r.Reporter == Name(3, 5) && r.Date == Mondays[0]);
        Assert.Equal(3, duplicate.Photos);
        Assert.Equal(3, duplicate.PhotoLinks.Count);
        Assert.Equal("เจ้าของแปลง 5", duplicate.CertifiedBy);
        var located = rows.Single(r => r.Reporter == Name(3, 1) && r.Date == Mondays[0]);
        Assert.Equal("https://www.google.com/maps?q=13.7,101.1", located.MapLink);
    }

    [Fact]
    public void Rows_PrecomputedPhotoLinks_ByMessageId()
    {
        var links = new Dictionary<string, IReadOnlyList<string>> { [$"m-{Id(0, 0)}-20261201"] = ["https://example.test/a.jpg"] };

        var rows = WeeklyExport.Rows(WeekReports, SyntheticProvince.Reporters(), links);

        Assert.Equal(["https://example.test/a.jpg"], rows.Single(r => r.Reporter == Name(0, 0) && r.Date == new DateOnly(2026, 12, 1)).PhotoLinks);
        Assert.Empty(rows.Single(r => r.Reporter == Name(0, 0) && r.Date == new DateOnly(2026, 12, 2)).PhotoLinks);
    }

    [Fact]
    public void Xlsx_OpensWithASheetPerDistrictAndThaiTextIntact()
    {
        var digest = Digest();
        var bytes = WeeklyExport.Xlsx(digest, Rows());

        using var book = new XlsxBook(bytes);
        var sheets = book.SheetNames;
        Assert.Equal([SheetGuide.Name, WeeklyExport.SummarySheet, .. digest.Districts.Select(d => d.District), WeeklyExport.PhotoSheet], sheets);
        Assert.All(sheets, s => Assert.InRange(s.Length, 1, 31));

        var rows = book.Rows(Districts[2]);
        Assert.Equal(digest.Districts.Single(d => d.District == Districts[2]).Received, rows.Count);
        var tuesday = rows.Single(r => (string)r["ผู้รายงาน"]! == Name(2, 2) && (DateOnly)r["วันที่"]! == new DateOnly(2026, 12, 1));
        Assert.Equal(Districts[2], tuesday["อำเภอ"]);
        Assert.Equal("HLM", tuesday["ประเภทพื้นที่"]);
        Assert.Equal("ตำบล2", tuesday["ตำบล"]);
        Assert.Equal("ขุดคลองไส้ไก่\nปลูกผักสวนครัว", tuesday["กิจกรรม"]);
        Assert.Equal($"น้ำท่วมแปลง {Districts[2]} วันที่ 01/12", tuesday["ปัญหา/อุปสรรค"]);
        Assert.Equal("ห่มดิน", tuesday["แผนวันถัดไป"]);
        Assert.Equal("เจ้าของแปลง 2", tuesday["ผู้รับรอง"]);
        Assert.Equal(2, Convert.ToInt32(tuesday["จำนวนภาพ"], System.Globalization.CultureInfo.InvariantCulture));
        // The day's photos: one row and one link each on the photo sheet.
        var photos = book.Rows(WeeklyExport.PhotoSheet).Select((r, i) => (Row: r, Line: i + 2))
            .Where(p => (string)p.Row["ผู้รายงาน"]! == Name(2, 2) && (DateOnly)p.Row["วันที่"]! == new DateOnly(2026, 12, 1)).ToList();
        var links = book.Links(WeeklyExport.PhotoSheet);
        Assert.Equal(
            [$"https://example.test/m-{Id(2, 2)}-20261201/1.jpg", $"https://example.test/m-{Id(2, 2)}-20261201/2.jpg"],
            photos.Select(p => links.Single(l => l.Cell == "E" + p.Line).Target));

        var summary = book.Rows(WeeklyExport.SummarySheet);
        Assert.Equal(digest.Districts.Count + 1, summary.Count);
        var province = summary[^1];
        Assert.Equal(WeeklyDigestCalculator.ProvinceName, province["อำเภอ"]);
        Assert.Equal(digest.Province.Expected, Convert.ToInt32(province["ต้องส่ง (วัน)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(digest.Province.Received, Convert.ToInt32(province["ส่งแล้ว (วัน)"], System.Globalization.CultureInfo.InvariantCulture));
        var district = summary.Single(r => (string)r["อำเภอ"]! == Districts[0]);
        Assert.Contains(Name(0, 9), (string)district["ผู้ที่ยังขาดส่ง"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HasBomAndThaiIntact_AndQuotesNewlines()
    {
        var bytes = WeeklyExport.Csv(Rows());

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("อำเภอ,วันที่,ผู้รายงาน,", text, StringComparison.Ordinal);
        Assert.Contains($"{Districts[2]},1 ธ.ค. 2569,{Name(2, 2)},HLM,ตำบล2,\"ขุดคลองไส้ไก่\nปลูกผักสวนครัว\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("อำเภอ[เมือง]:ฉะเชิงเทรา/*?\\", "อำเภอเมืองฉะเชิงเทรา")]
    [InlineData("", "Sheet")]
    public void SafeSheetName_RemovesForbiddenCharacters(string name, string expected) =>
        Assert.Equal(expected, Workbook.SafeSheetName(name, new HashSet<string>()));

    [Fact]
    public void SafeSheetName_LongAndDuplicate_TrimmedAndUnique()
    {
        var used = new HashSet<string>();
        var name = new string('ก', 40);

        var first = Workbook.SafeSheetName(name, used);
        var second = Workbook.SafeSheetName(name, used);

        Assert.Equal(31, first.Length);
        Assert.Equal(31, second.Length);
        Assert.NotEqual(first, second);
        Assert.EndsWith(" (2)", second, StringComparison.Ordinal);
    }
}
