using DocumentFormat.OpenXml.Spreadsheet;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Exports;
using LineBot.Tests.Digests;
using static LineBot.Tests.Digests.SyntheticProvince;
using Sheet = LineBot.Exports.Sheet;
using Workbook = LineBot.Exports.Workbook;

namespace LineBot.Tests.Exports;

/// <summary>
/// What an officer sees on opening an export: real date cells in Buddhist-Era format, numbers as numbers, one
/// hyperlink per photo, widths, wrapping, a frozen header with filters, the explanation sheet first, and leave and
/// holidays marked on their days instead of reading as missing.
/// </summary>
public sealed class ExportWorkbookTests
{
    /// <summary>The week of 7 Dec 2026: Monday 7 and Thursday 10 are holidays, j8 is on leave 8–9 Dec, j9 never reports.</summary>
    private static readonly ReportWeek Week = new(Mondays[1]);

    private static DigestInput Input(DateTimeOffset asOf) => new(
        SyntheticProvince.Reporters(), [.. SyntheticProvince.Reports().Where(r => r.Date is { } d && Week.Contains(d))], Holidays, Leave(), Week, asOf, Zone);

    private static DayGridInput Days(DigestInput input, WeeklyDigest digest) =>
        new(input.Reporters, input.Reports, input.Holidays, input.Leave, input.GoLive, Week.Monday, Week.Sunday, digest.CountedThrough);

    private static IReadOnlyList<ExportRow> Rows(DigestInput input) =>
        WeeklyExport.Rows(input.Reports, input.Reporters, r => [.. Enumerable.Range(1, r.PhotoCount).Select(i => $"https://example.test/{r.MessageId}/{i}.jpg?sv=2025&sig=a%2Bb")]);

    private static (XlsxBook Book, WeeklyDigest Digest, DigestInput Input) Export(DateTimeOffset? asOf = null)
    {
        var input = Input(asOf ?? At(Mondays[2], 9));
        var digest = WeeklyDigestCalculator.Calculate(input);
        return (new XlsxBook(WeeklyExport.Xlsx(digest, Rows(input), Days(input, digest))), digest, input);
    }

    [Fact]
    public void Workbook_IsValidOpenXml_WithTheExplanationSheetFirst()
    {
        var (book, digest, _) = Export();
        using var _b = book;

        Assert.Empty(book.ValidationErrors());
        Assert.Equal([SheetGuide.Name, WeeklyExport.SummarySheet, DayGrid.SheetName, .. digest.Districts.Select(d => d.District), WeeklyExport.PhotoSheet], book.SheetNames);
        var guide = book.Rows(SheetGuide.Name);
        Assert.Contains(ThaiDates.Week(Week), (string)guide[0]["ความหมาย"]!, StringComparison.Ordinal);
        Assert.EndsWith("ครับ", (string)guide[0]["ความหมาย"]!, StringComparison.Ordinal);
        // Every other sheet is listed (its name links to it), and every district column is explained.
        var sheetRows = guide.Where(r => r["คอลัมน์"] is null).Select(r => (string)r["แผ่นงาน"]!).ToList();
        Assert.Superset(book.SheetNames.Skip(1).ToHashSet(), sheetRows.ToHashSet());
        Assert.Contains(book.Links(SheetGuide.Name), l => l.Location == $"'{WeeklyExport.PhotoSheet}'!A1");
        // The district sheets' columns are explained once, under the first of them; the others point there.
        var first = digest.Districts[0].District;
        var districts = digest.Districts.Select(d => (string?)d.District).ToHashSet();
        foreach (var column in WeeklyExport.Columns)
        {
            Assert.Single(guide, r => districts.Contains((string?)r["แผ่นงาน"]) && (string?)r["คอลัมน์"] == column.Name);
            Assert.Contains(guide, r => (string?)r["แผ่นงาน"] == first && (string?)r["คอลัมน์"] == column.Name && r["ความหมาย"] is string { Length: > 0 });
        }

        Assert.Contains(guide, r => (string?)r["แผ่นงาน"] == digest.Districts[1].District && (string?)r["คอลัมน์"] == "ทุกคอลัมน์" && (string?)r["ความหมาย"] == $"เหมือนแผ่นงาน \"{first}\"");

        Assert.Contains(guide, r => (string?)r["แผ่นงาน"] == DayGrid.SheetName && ((string?)r["ความหมาย"])?.Contains("ลา (ไม่นับเป็นขาด)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Dates_AreDateSerials_ShownInTheBuddhistEra_AndNumbersAreNumbers()
    {
        var (book, _, _) = Export();
        using var _b = book;

        var date = book.Cell(Districts[0], "วันที่", 0);
        Assert.Null(date.DataType);
        // 8 Dec 2026 (Monday 7 is a holiday): Excel's day 46364.
        Assert.Equal("46364", date.CellValue!.Text);
        Assert.Equal("[$-107041E]d mmm yyyy", book.FormatCode(date));
        Assert.Equal(new DateOnly(2026, 12, 8), book.Value(date));

        var photos = book.Cell(Districts[0], "จำนวนภาพ", 0);
        Assert.Null(photos.DataType);
        Assert.Equal(2.0, book.Value(photos));
        var completion = book.Cell(WeeklyExport.SummarySheet, "ร้อยละที่ส่ง", 0);
        Assert.Null(completion.DataType);
        Assert.Equal("0.0", book.FormatCode(completion));
        var header = book.Cell(DayGrid.SheetName, "D1");
        Assert.Equal(new DateOnly(2026, 12, 8), book.Value(header));
        Assert.StartsWith("[$-107041E]", book.FormatCode(header), StringComparison.Ordinal);
    }

    [Fact]
    public void Photos_OneRowAndOneHyperlinkEach_TargetsAreThePhotoLinks()
    {
        var (book, _, input) = Export();
        using var _b = book;

        var expected = Rows(input).SelectMany(r => r.PhotoLinks).ToList();
        var photoRows = book.Rows(WeeklyExport.PhotoSheet);
        var links = book.Links(WeeklyExport.PhotoSheet);
        Assert.Equal(expected.Count, photoRows.Count);
        Assert.Equal(expected.Count, links.Count);
        Assert.Equal([.. Enumerable.Range(2, expected.Count).Select(n => "E" + n)], links.Select(l => l.Cell));
        Assert.Equal(expected, links.Select(l => l.Target));
        Assert.All(photoRows, r => Assert.Equal("เปิดภาพ", r["ลิงก์ภาพ"]));

        // A district row's photo cell leads to its first photo on the photo sheet.
        var rows = book.Rows(Districts[3]);
        var index = rows.FindIndex(r => (string)r["ผู้รายงาน"]! == Name(3, 3) && (DateOnly)r["วันที่"]! == new DateOnly(2026, 12, 10));
        var cell = book.Cell(Districts[3], "ลิงก์ภาพ", index);
        var location = Assert.Single(book.Links(Districts[3]), l => l.Cell == cell.CellReference).Location!;
        var target = photoRows[XlsxBook.RowOf(location.Split('!')[1]) - 2];
        Assert.Equal(Name(3, 3), target["ผู้รายงาน"]);
        Assert.Equal(new DateOnly(2026, 12, 10), target["วันที่"]);
        Assert.Equal(1.0, target["ภาพที่"]);
    }

    [Fact]
    public void Sheets_HaveWidths_WrappedLongText_FrozenHeader_AndFilters()
    {
        var (book, _, _) = Export();
        using var _b = book;

        foreach (var name in book.SheetNames)
        {
            var sheet = book.Worksheet(name);
            var header = book.RawRows(name)[0].Elements<Cell>().Count();
            var widths = sheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
            Assert.Equal(header, widths.Count);
            Assert.All(widths, w => Assert.True(w.CustomWidth?.Value == true && w.Width!.Value >= 8));
            var pane = sheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1.0, pane.VerticalSplit!.Value);
            var filter = sheet.GetFirstChild<AutoFilter>()!.Reference!.Value!;
            Assert.Equal($"A1:{XlsxWriter.ColumnName(header - 1)}{book.RawRows(name).Count}", filter);
        }

        var activities = book.Cell(Districts[0], "กิจกรรม", 0);
        Assert.True(book.Format(activities).Alignment!.WrapText!.Value);
        var reporter = book.Cell(Districts[0], "ผู้รายงาน", 0);
        Assert.NotEqual(true, book.Format(reporter).Alignment?.WrapText?.Value);
        Assert.Equal(45.0, book.Worksheet(Districts[0]).GetFirstChild<Columns>()!.Elements<Column>().ElementAt(5).Width!.Value);
        // The day grid keeps district and name in view when scrolling right.
        Assert.Equal(2.0, book.Worksheet(DayGrid.SheetName).Descendants<Pane>().Single().HorizontalSplit!.Value);
    }

    [Fact]
    public void DayGrid_MarksLeaveAndHolidays_OnTheirDays_AndMissingAsTheDigestCounts()
    {
        var (book, digest, _) = Export();
        using var _b = book;

        var grid = book.Rows(DayGrid.SheetName);
        Dictionary<string, object?> Person(int district, int j) => grid.Single(r => (string)r["ผู้รายงาน"]! == Name(district, j));
        var j8 = Person(0, 8);
        Assert.Equal(["หยุด", "ลา", "ลา", "หยุด", "ส่ง", null, null], Week.Days.Select(d => j8[ThaiDates.DayMonth(d)]));
        Assert.Equal(2.0, j8["ลา (วัน)"]);
        Assert.Equal(0.0, j8["ขาด (วัน)"]);
        var j9 = Person(0, 9);
        Assert.Equal(["หยุด", "ขาด", "ขาด", "หยุด", "ขาด", null, null], Week.Days.Select(d => j9[ThaiDates.DayMonth(d)]));
        Assert.Equal("ส่ง", Person(0, 3)["10 ธ.ค."]);
        Assert.Equal("ส่ง", Person(0, 6)["12 ธ.ค."]);
        Assert.Equal("ขาด", Person(0, 7)["9 ธ.ค."]);
        Assert.DoesNotContain(grid, r => (string)r["ผู้รายงาน"]! == "เจ้าหน้าที่ อำเภอ");

        // The grid's missing days are the digest's, person by person.
        foreach (var tally in digest.Districts.SelectMany(d => d.Tallies))
        {
            Assert.Equal(tally.Missing, Convert.ToInt32(grid.Single(r => (string)r["ผู้รายงาน"]! == tally.Name)["ขาด (วัน)"], System.Globalization.CultureInfo.InvariantCulture));
        }

        // Shades: leave and holidays are not coloured as missing.
        var leaveCell = book.Cell(DayGrid.SheetName, "9 ธ.ค.", grid.IndexOf(j8));
        var missingCell = book.Cell(DayGrid.SheetName, "9 ธ.ค.", grid.IndexOf(j9));
        Assert.NotEqual(book.Format(leaveCell).FillId!.Value, book.Format(missingCell).FillId!.Value);
    }

    [Fact]
    public void DayGrid_MidWeek_LeavesDaysNotYetCountedBlank_ButShowsKnownLeaveAndHolidays()
    {
        var (book, _, _) = Export(At(new DateOnly(2026, 12, 9), 9));
        using var _b = book;

        var j9 = book.Rows(DayGrid.SheetName).Single(r => (string)r["ผู้รายงาน"]! == Name(0, 9));
        Assert.Equal(["หยุด", "ขาด", "ขาด", "หยุด", null, null, null], Week.Days.Select(d => j9[ThaiDates.DayMonth(d)]));
    }

    [Fact]
    public void DayGrid_OneDistrict_HasOnlyItsReporters()
    {
        var input = Input(At(Mondays[2], 9));
        var digest = WeeklyDigestCalculator.Calculate(input);

        var sheet = DayGrid.Sheet(Days(input, digest) with { District = Districts[4] });

        var rows = sheet.Rows.ToList();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal(Districts[4], r[0]));
    }

    [Fact]
    public void MonthlyAndProjectWorkbooks_AreValid_WithDatesAndMonthsAsDates()
    {
        var reports = SyntheticProvince.Reports();
        using var project = new XlsxBook(ProjectSummaryExport.Xlsx(SyntheticProvince.Reporters(), reports));
        Assert.Empty(project.ValidationErrors());
        var month = project.Cell("รายคน", "เดือน", 0);
        Assert.Equal("[$-107041E]mmmm yyyy", project.FormatCode(month));
        Assert.Equal(SheetGuide.Name, project.SheetNames[0]);

        var results = MonthlyResultsExport.Calculate(Name(0, 2), 2026, 12, [.. reports.Where(r => r.ReporterId == Id(0, 2))], ["ห่มดิน"], Holidays);
        using var monthly = new XlsxBook(MonthlyResultsExport.Xlsx(results));
        Assert.Empty(monthly.ValidationErrors());
        Assert.Equal(new DateOnly(2026, 12, 1), monthly.Rows("ปัญหา")[0]["วันที่"]);
        Assert.Equal(new DateOnly(2026, 12, 1), monthly.Rows("สรุป").Single(r => (string)r["หัวข้อ"]! == "เดือน")["ค่า"]);
    }

    [Fact]
    public void MonthlyDraft_DayGrid_ShowsTheReportersLeaveAndHolidays_NotMissing()
    {
        var reporter = SyntheticProvince.Reporters().Single(r => r.Id == Id(0, 9));
        var reports = SyntheticProvince.Reports().Where(r => r.ReporterId == reporter.Id).ToList();
        var results = MonthlyResultsExport.Calculate(reporter.Name, 2026, 12, reports, [], Holidays);
        var days = new DayGridInput([reporter], reports, Holidays, Leave(), null, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31));

        using var book = new XlsxBook(MonthlyResultsExport.Xlsx(results, days));

        Assert.Equal([SheetGuide.Name, "สรุป", DayGrid.SheetName, "แผน-ผล", "กิจกรรม", "ปัญหา"], book.SheetNames);
        var row = Assert.Single(book.Rows(DayGrid.SheetName));
        Assert.Equal(["ลา", "ลา", "ลา", "หยุด", "ลา", null, null], Enumerable.Range(21, 7).Select(d => row[$"{d} ธ.ค."]));
        Assert.Equal(["ขาด", "ขาด", "ขาด", "หยุด", "หยุด"], new[] { 1, 2, 4, 7, 10 }.Select(d => row[$"{d} ธ.ค."]));
        Assert.Equal(4.0, row["ลา (วัน)"]);
        // December 2026: 23 weekdays − 3 weekday holidays − 4 days of leave.
        Assert.Equal(16.0, row["ขาด (วัน)"]);
    }

    [Fact]
    public void Xlsx_StreamsToAWriteOnlyStream_AndTypedTextNeverBecomesAFormula()
    {
        using var output = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(output))
        {
            Workbook.WriteXlsx(forwardOnly, [new Sheet("s", ["กิจกรรม", "จำนวน"], [["=HYPERLINK(\"http://x\")", 3], ["ขุดคลอง\u0001ไส้ไก่", 1.5]])], "ทดสอบครับ");
        }

        using var book = new XlsxBook(output.ToArray());
        Assert.Empty(book.ValidationErrors());
        var typed = book.Cell("s", "A2");
        Assert.Null(typed.CellFormula);
        Assert.Equal(CellValues.InlineString, typed.DataType!.Value);
        Assert.Equal("=HYPERLINK(\"http://x\")", book.Value(typed));
        Assert.Equal("ขุดคลองไส้ไก่", book.Value(book.Cell("s", "A3")));
        Assert.Equal(1.5, book.Value(book.Cell("s", "B3")));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(37, "AL")]
    [InlineData(702, "AAA")]
    public void ColumnName_IsExcels(int index, string expected) => Assert.Equal(expected, XlsxWriter.ColumnName(index));

    /// <summary>A stream that can only be written forward, as a network upload: no seeking, no reading back.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        private long written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => written; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            written += count;
        }
    }
}
