using LineBot.Exports;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Exports;

public sealed class MonthlyResultsPhotoTests
{
    [Fact]
    public void Calculate_CountsStoredPhotos_OfReportedAndUnreportedDays_InTheMonthOnly()
    {
        // 1 Dec: the report says 2, 3 are stored; 2 Dec: report only (2); 3 Dec: 4 photos, no report; 1 Jan: another month.
        var reports = new[] { Report(0, 0, new DateOnly(2026, 12, 1), At(new DateOnly(2026, 12, 1), 12)), Report(0, 0, new DateOnly(2026, 12, 2), At(new DateOnly(2026, 12, 2), 12)) };
        var stored = new Dictionary<DateOnly, int> { [new(2026, 12, 1)] = 3, [new(2026, 12, 3)] = 4, [new(2027, 1, 1)] = 9 };

        var results = MonthlyResultsExport.Calculate(Name(0, 0), 2026, 12, reports, [], Holidays, stored);

        Assert.Equal(2, results.DaysReported);
        Assert.Equal(3 + 2 + 4, results.Photos);
        Assert.Equal(4, MonthlyResultsExport.Calculate(Name(0, 0), 2026, 12, reports, [], Holidays).Photos);
    }
}
