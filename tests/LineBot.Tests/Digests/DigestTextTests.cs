using LineBot.Calendar;
using LineBot.Digests;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Digests;

public sealed class DigestTextTests
{
    private static DigestInput Input(int week, DateTimeOffset asOf) =>
        new(SyntheticProvince.Reporters(), SyntheticProvince.Reports(), Holidays, Leave(), new ReportWeek(Mondays[week]), asOf, Zone);

    [Fact]
    public void Render_FullDigest_HasEveryDistrictGapAndProblemVerbatim()
    {
        var digest = WeeklyDigestCalculator.Calculate(Input(0, At(Mondays[1], 9)));

        var text = DigestText.Render(digest);

        Assert.StartsWith("📊 สรุปรายงาน นพต. สัปดาห์ 30 พ.ย. – 6 ธ.ค. 2569", text, StringComparison.Ordinal);
        Assert.All(Districts, d => Assert.Contains("อำเภอ" + d, text, StringComparison.Ordinal));
        Assert.Contains($"- {Name(4, 7)}: พ. 2", text, StringComparison.Ordinal);
        Assert.Contains($"- {Name(4, 9)}: จ. 30, อ. 1, พ. 2, พฤ. 3, ศ. 4", text, StringComparison.Ordinal);
        Assert.Contains($"- {Name(6, 2)} (1 ธ.ค.): น้ำท่วมแปลง {Districts[6]} วันที่ 01/12", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneDistrict_OnlyThatDistrict()
    {
        var digest = WeeklyDigestCalculator.Calculate(Input(0, At(Mondays[1], 9)));

        var text = DigestText.Render(digest, Districts[1]);

        Assert.Contains("อำเภอ" + Districts[1], text, StringComparison.Ordinal);
        Assert.DoesNotContain("อำเภอ" + Districts[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain(WeeklyDigestCalculator.ProvinceName, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_ListsNamesAndDaysByDistrict_WithDeadline()
    {
        var missing = MissingReportsCalculator.ForWeek(Input(2, At(new DateOnly(2026, 12, 18), 15)));

        var text = DigestText.Reminder(missing, "วันศุกร์ที่ 18 ธ.ค. เวลา 16.30 น.");

        Assert.StartsWith("⏰ แจ้งเตือนส่งรายงานประจำวัน (14–18 ธ.ค. 2569)", text, StringComparison.Ordinal);
        Assert.Contains("ยังขาด 66 วัน จาก 22 คน", text, StringComparison.Ordinal);
        Assert.Contains("\nอำเภอ" + Districts[8] + "\n", text, StringComparison.Ordinal);
        Assert.Contains($"- {Name(8, 7)}: พ. 16\n", text, StringComparison.Ordinal);
        Assert.Contains($"- {Name(8, 9)}: จ. 14, อ. 15, พ. 16, พฤ. 17, ศ. 18\n", text, StringComparison.Ordinal);
        Assert.EndsWith("กรุณาส่งภายในวันศุกร์ที่ 18 ธ.ค. เวลา 16.30 น. ขอบคุณครับ", text, StringComparison.Ordinal);
        Assert.All(DigestText.Split(text), part => Assert.InRange(part.Length, 1, 5_000));
    }

    [Fact]
    public void Split_LongText_PartsWithinLimitAndNothingLost()
    {
        var lines = Enumerable.Range(0, 2_000).Select(i => $"บรรทัดที่ {i} รายงานประจำวัน").ToList();
        var text = string.Join('\n', lines);

        var parts = DigestText.Split(text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 5_000));
        Assert.Equal(text, string.Join('\n', parts));
    }
}
