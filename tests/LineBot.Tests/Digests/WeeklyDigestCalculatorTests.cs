using LineBot.Calendar;
using LineBot.Digests;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Digests;

public sealed class WeeklyDigestCalculatorTests
{
    private static readonly IReadOnlyList<LineBot.Reporters.Reporter> Roster = SyntheticProvince.Reporters();
    private static readonly IReadOnlyList<LineBot.Reports.DailyReport> AllReports = SyntheticProvince.Reports();

    private static DigestInput Input(int week, DateTimeOffset asOf) =>
        new(Roster, AllReports, Holidays, Leave(), new ReportWeek(Mondays[week]), asOf, Zone);

    public static TheoryData<int> Weeks => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Calculate_PastWeek_GivesExactNumbersPerDistrict(int w)
    {
        // As of the next Monday morning: the whole week counts.
        var digest = WeeklyDigestCalculator.Calculate(Input(w, At(Mondays[w].AddDays(7), 9)));

        int workingDays = WorkingDays[w], monday = MondayWorking[w], leave8 = Leave8[w], leave9 = Leave9[w], holiday = HolidayReport[w];
        Assert.Equal(Mondays[w].AddDays(6), digest.CountedThrough);
        Assert.True(digest.IsComplete);
        // Thai dictionary order: เมืองฉะเชิงเทรา sorts under ม (after พนมสารคาม), not after every other consonant.
        var order = digest.Districts.Select(d => d.District).ToList();
        Assert.Equal(Districts.Length + 1, order.Count);
        Assert.Equal(WeeklyDigestCalculator.UnknownDistrict, order[^1]);
        Assert.Equal(["คลองเขื่อน", "ท่าตะเกียบ"], order.Take(2));
        Assert.True(order.IndexOf("พนมสารคาม") < order.IndexOf("เมืองฉะเชิงเทรา") && order.IndexOf("เมืองฉะเชิงเทรา") < order.IndexOf("ราชสาส์น"));

        var workingDates = Enumerable.Range(0, 5).Select(Mondays[w].AddDays).Where(d => !Holidays.Contains(d)).ToList();
        var wednesday = Mondays[w].AddDays(2);
        for (var d = 0; d < Districts.Length; d++)
        {
            var stranger = w == 0 && Districts[d] == StrangerDistrict ? 1 : 0;
            var digestOf = digest.Districts.Single(x => x.District == Districts[d]);
            var receivedExpected = (9 * workingDays) - 1 - leave8;
            var received = receivedExpected + 1 + holiday + stranger;
            Assert.Equal(10, digestOf.Registered);
            Assert.Equal((10 * workingDays) - leave8 - leave9, digestOf.Expected);
            Assert.Equal(receivedExpected, digestOf.ReceivedExpected);
            Assert.Equal(received, digestOf.Received);
            Assert.Equal(workingDays + 1 - leave9, digestOf.Missing);
            Assert.Equal((5 * workingDays) + 1 - leave8 + monday, digestOf.Certified);
            Assert.Equal((2 * received) + monday, digestOf.Photos);
            Assert.Equal(monday, digestOf.ReportsWithLocation);
            Assert.Equal(1 + monday, digestOf.ReportersWithLocation);
            Assert.Equal(monday, digestOf.Late);
            Assert.Equal(stranger, digestOf.UnregisteredReports);

            var problem = Assert.Single(digestOf.Problems);
            Assert.Equal(Mondays[w].AddDays(1), problem.Date);
            Assert.Equal(Name(d, 2), problem.ReporterName);
            Assert.Equal($"น้ำท่วมแปลง {Districts[d]} วันที่ {Mondays[w].AddDays(1):dd/MM}", problem.Text);

            var gaps = digestOf.Gaps.ToDictionary(g => g.ReporterId);
            Assert.Equal(leave9 > 0 ? 1 : 2, gaps.Count);
            Assert.Equal([wednesday], gaps[Id(d, 7)].MissingDates);
            Assert.Equal(Name(d, 7), gaps[Id(d, 7)].Name);
            if (leave9 == 0)
            {
                Assert.Equal(workingDates, gaps[Id(d, 9)].MissingDates);
            }
        }

        var unknown = digest.Districts[^1];
        Assert.Equal(2, unknown.Registered);
        Assert.Equal(2 * workingDays, unknown.Expected);
        Assert.Equal(2 * workingDays, unknown.Received);
        Assert.Equal(0, unknown.Certified);
        Assert.Empty(unknown.Gaps);

        var p = digest.Province;
        var strangers = w == 0 ? 1 : 0;
        Assert.Equal(112, p.Registered);
        Assert.Equal((11 * ((10 * workingDays) - leave8 - leave9)) + (2 * workingDays), p.Expected);
        Assert.Equal((11 * ((9 * workingDays) - leave8 + holiday)) + strangers + (2 * workingDays), p.Received);
        Assert.Equal(11 * (workingDays + 1 - leave9), p.Missing);
        Assert.Equal(11 * ((5 * workingDays) + 1 - leave8 + monday), p.Certified);
        Assert.Equal(11, p.Problems.Count);
        Assert.Equal(11 * (leave9 > 0 ? 1 : 2), p.Gaps.Count);
    }

    [Fact]
    public void Calculate_FridayAfternoonReminder_CountsUpToToday()
    {
        // Friday 18 Dec 15:00: Monday–Friday are expected; Saturday's report has not happened yet.
        var digest = WeeklyDigestCalculator.Calculate(Input(2, At(new DateOnly(2026, 12, 18), 15)));

        Assert.Equal(new DateOnly(2026, 12, 18), digest.CountedThrough);
        Assert.False(digest.IsComplete);
        var district = digest.Districts.Single(d => d.District == Districts[3]);
        Assert.Equal(50, district.Expected);
        Assert.Equal(44, district.ReceivedExpected);
        Assert.Equal(44, district.Received);
        Assert.Equal(6, district.Missing);
    }

    [Fact]
    public void Calculate_ReportsReceivedAfterAsOf_AreNotCounted()
    {
        // Friday 11:00: Friday's reports (sent at noon) are not in yet: the nine who report, and j9, miss Friday.
        var digest = WeeklyDigestCalculator.Calculate(Input(2, At(new DateOnly(2026, 12, 18), 11)));

        var district = digest.Districts.Single(d => d.District == Districts[0]);
        Assert.Equal(15, district.Missing);
        Assert.Equal(10, district.Gaps.Count(g => g.MissingDates.Contains(new DateOnly(2026, 12, 18))));
    }

    [Fact]
    public void ForWeek_Reminder_ListsWhoIsMissingWhichDays()
    {
        var missing = MissingReportsCalculator.ForWeek(Input(2, At(new DateOnly(2026, 12, 18), 15)));

        Assert.Equal(11, missing.Districts.Count);
        Assert.Equal(22, missing.ReporterCount);
        Assert.Equal(66, missing.DayCount);
        var first = missing.Districts.Single(d => d.District == Districts[5]);
        Assert.Equal(
            [Enumerable.Range(14, 5).Select(day => new DateOnly(2026, 12, day)).ToList(), [new DateOnly(2026, 12, 16)]],
            first.Reporters.OrderByDescending(r => r.MissingDates.Count).Select(r => r.MissingDates.ToList()).ToList());
    }

    [Fact]
    public void ForDay_Wednesday_ListsTheTwoWhoDidNotReportPerDistrict()
    {
        var missing = MissingReportsCalculator.ForDay(Input(2, At(new DateOnly(2026, 12, 16), 18)), new DateOnly(2026, 12, 16));

        Assert.Equal(11, missing.Districts.Count);
        Assert.All(missing.Districts, d => Assert.Equal([Name(Array.IndexOf(Districts, d.District), 7), Name(Array.IndexOf(Districts, d.District), 9)], d.Reporters.Select(r => r.Name).Order(StringComparer.Ordinal)));
        Assert.All(missing.Districts.SelectMany(d => d.Reporters), r => Assert.Equal([new DateOnly(2026, 12, 16)], r.MissingDates));
    }

    [Fact]
    public void ForDay_Holiday_NobodyMissing()
    {
        var missing = MissingReportsCalculator.ForDay(Input(1, At(new DateOnly(2026, 12, 10), 18)), new DateOnly(2026, 12, 10));

        Assert.True(missing.NobodyMissing);
    }

    [Fact]
    public void ForWeek_EveryoneReported_IsEmpty()
    {
        var roster = Roster.Where(r => r.Id.EndsWith("00", StringComparison.Ordinal)).ToList();
        var input = new DigestInput(roster, AllReports, Holidays, [], new ReportWeek(Mondays[0]), At(Mondays[1], 9), Zone);

        var missing = MissingReportsCalculator.ForWeek(input);

        Assert.True(missing.NobodyMissing);
        Assert.Contains("ขอบคุณ", DigestText.Reminder(missing));
    }

    [Fact]
    public void Calculate_SameStoredReportTwice_CountsItsPhotosOnce()
    {
        var report = Report(0, 0, Mondays[2], At(Mondays[2], 12));
        var roster = Roster.Where(r => r.Id == Id(0, 0)).ToList();
        var input = new DigestInput(roster, [report, report], Holidays, [], new ReportWeek(Mondays[2]), At(Mondays[3], 9), Zone);

        var district = WeeklyDigestCalculator.Calculate(input).Districts.Single();

        Assert.Equal(1, district.Received);
        Assert.Equal(2, district.Photos);
        Assert.Equal(4, district.Missing);
    }
}
