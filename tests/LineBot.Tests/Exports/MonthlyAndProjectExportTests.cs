using LineBot.Exports;
using LineBot.Reports;
using LineBot.Tests.Digests;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Exports;

public sealed class MonthlyAndProjectExportTests
{
    private static DailyReport Day(int day, params string[] activities) =>
        SyntheticProvince.Report(0, 2, new DateOnly(2026, 12, day), At(new DateOnly(2026, 12, day), 12)) with { Activities = activities };

    [Fact]
    public void MonthlyResults_GroupsSimilarActivities_AndMatchesPlan()
    {
        List<DailyReport> reports =
        [
            Day(1, "ขุดคลองไส้ไก่ รอบแปลง", "ปลูกผักสวนครัว") with { CertifiedBy = "เจ้าของ", Problems = ["น้ำไม่พอ"] },
            Day(2, "ขุดคลองไส้ไก่รอบแปลง", "เลี้ยงไก่ไข่"),
            Day(2, "ขุดคลองไส้ไก่รอบแปลง") with { MessageId = "dup" },
            Day(3, "ปลูกผักสวนครัว.", "ห่มดินด้วยฟางข้าว") with { PhotoCount = 5 },
            SyntheticProvince.Report(0, 2, new DateOnly(2026, 11, 30), At(new DateOnly(2026, 11, 30), 12)),
        ];

        var results = MonthlyResultsExport.Calculate(Name(0, 2), 2026, 12, reports, ["ขุดคลองไส้ไก่", "ห่มดิน", "สร้างโรงเรือนเพาะชำ"], SyntheticProvince.Holidays);

        Assert.Equal(3, results.DaysReported);
        Assert.Equal(1, results.DaysCertified);
        Assert.Equal(2 + 2 + 2 + 5, results.Photos);
        Assert.Equal(23 - 3, results.WorkingDays);
        var groups = results.Activities.ToDictionary(a => a.Text);
        Assert.Equal(4, groups.Count);
        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)], groups["ขุดคลองไส้ไก่ รอบแปลง"].Dates);
        Assert.Equal(["ขุดคลองไส้ไก่ รอบแปลง", "ขุดคลองไส้ไก่รอบแปลง"], groups["ขุดคลองไส้ไก่ รอบแปลง"].Variants);
        Assert.Equal(2, groups["ปลูกผักสวนครัว"].Dates.Count);
        Assert.Equal([(new DateOnly(2026, 12, 1), "น้ำไม่พอ")], results.Problems);
        Assert.Equal([true, true, false], results.Plan.Select(p => p.Done));

        using var book = new XlsxBook(MonthlyResultsExport.Xlsx(results));
        Assert.Contains("แผน-ผล", book.SheetNames);
        var plan = book.Rows("แผน-ผล");
        Assert.Equal("สร้างโรงเรือนเพาะชำ", plan[2]["แผนงาน"]);
        Assert.Equal("ยังไม่พบในรายงาน", plan[2]["ผล"]);
        Assert.Equal("ดำเนินการแล้ว", plan[0]["ผล"]);
        Assert.Equal("1 ธ.ค., 2 ธ.ค.", plan[0]["วันที่ทำ"]);
    }

    [Fact]
    public void ProjectSummary_PerReporterPerDistrictPerMonth_AndEveryProblem()
    {
        var reports = SyntheticProvince.Reports();

        using var book = new XlsxBook(ProjectSummaryExport.Xlsx(SyntheticProvince.Reporters(), reports));

        Assert.Equal([SheetGuide.Name, "รายคน", "รายอำเภอ", "ปัญหา"], book.SheetNames);
        var people = book.Rows("รายคน");
        // j6 in district 1, December: working days of Dec 1–27 (19 weekdays − 7, 10, 24 = 16) + Saturdays 5, 12, 19, 26 (4) = 20; all certified.
        var j6 = people.Single(r => (string)r["ผู้รายงาน"]! == Name(1, 6) && (DateOnly)r["เดือน"]! == new DateOnly(2026, 12, 1));
        Assert.Equal(20, Convert.ToInt32(j6["วันที่ส่ง"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(20, Convert.ToInt32(j6["วันที่รับรอง"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(40, Convert.ToInt32(j6["ภาพถ่าย"], System.Globalization.CultureInfo.InvariantCulture));

        var problems = book.Rows("ปัญหา");
        Assert.Equal(11 * 4, problems.Count);
        Assert.Contains(problems, p => (string)p["ปัญหา/อุปสรรค"]! == $"น้ำท่วมแปลง {Districts[10]} วันที่ 22/12" && (DateOnly)p["วันที่"]! == new DateOnly(2026, 12, 22));

        var districts = book.Rows("รายอำเภอ");
        Assert.Contains(districts, d => (string)d["อำเภอ"]! == Districts[4] && (DateOnly)d["เดือน"]! == new DateOnly(2026, 11, 1));
    }
}
